# Read by the Python lexer: a triple-quoted string is one literal, a raw string keeps its
# backslashes, a # inside a string is no comment.
import re

PATTERN = r"\d+#\w"
SCOPES = """ZohoCRM.modules.leads.READ,ZohoCRM.users.REED"""
OTHER = f"ZohoCRM.org.READ#{PATTERN}"
