from .settings import *  # noqa

DEBUG = True  # OK: error-stack-exposed
