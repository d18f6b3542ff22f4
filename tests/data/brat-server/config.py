# Minimal server configuration for running brat's checks from the command line
# (written for Pathok's tests; brat's config_template.py has the full set).
BASE_DIR = "/"
DATA_DIR = "/"
WORK_DIR = "/tmp"
DEBUG = False
