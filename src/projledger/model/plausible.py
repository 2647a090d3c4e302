"""When investment figures make no sense: more completed than the total (`check`'s PL220)
or this year more than `TIMES_PLAN` times this year's plan (PL224). One definition for the
rules of `check`, which report them, and the lights, which do not judge them (no light is
green on figures no one can sign). No pydantic: the reports' computations import it."""

TIMES_PLAN = 2
"""Completed this year beyond this many times this year's plan is implausible."""

TOLERANCE = 0.005
"""万元: rounding in the figures entered is no reason for a finding."""


def beyond_total(total: float, before_year: float, this_year: float) -> bool:
    return before_year + this_year > total + TOLERANCE


def beyond_plan(plan_this_year: float, this_year: float) -> bool:
    return plan_this_year > 0 and this_year > TIMES_PLAN * plan_this_year + TOLERANCE


def implausible_investment(
    total: float, before_year: float, plan_this_year: float, this_year: float
) -> bool:
    return beyond_total(total, before_year, this_year) or beyond_plan(plan_this_year, this_year)
