"""The self-assessment's models, one module per kind (Django finds them here)."""

from .factors import SuccessFactor, SuccessFactorDigest
from .pages import SelfAssessmentPage
from .responses import OWN_ROLES, AssessmentResponse, JointAssessment, JointParty, Role

__all__ = [
    "OWN_ROLES",
    "AssessmentResponse",
    "JointAssessment",
    "JointParty",
    "Role",
    "SelfAssessmentPage",
    "SuccessFactor",
    "SuccessFactorDigest",
]
