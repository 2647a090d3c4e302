"""A light (亮灯): the colour a figure is judged to be. Its own module, with no imports, so
that report data and renderers can name it without loading the computations."""

from enum import StrEnum


class Light(StrEnum):
    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"
