"""Output formats. Each renderer is a pure function of its input and a writer."""
