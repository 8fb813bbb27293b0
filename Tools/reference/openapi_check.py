#!/usr/bin/env python3
"""Checks a running PayCircle against its own OpenAPI document.

Usage: openapi_check.py BASE_URL [MAX_EXAMPLES]
Validates BASE_URL/openapi.json with openapi-spec-validator, then runs schemathesis against the service
with the checks that matter for a read API: no server errors (5xx), only documented status codes and
content types, and bodies matching their schemas. Prints {"valid": bool, "error": str, "schemathesis": exit
code, "summary": last lines}; exits 0 only when both pass.
"""
import json
import subprocess
import sys
import urllib.request

from openapi_spec_validator import validate


def main():
    base, examples = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "15"
    result = {"valid": False, "error": "", "schemathesis": None, "summary": ""}
    try:
        validate(json.load(urllib.request.urlopen(base + "/openapi.json")))
        result["valid"] = True
    except Exception as error:  # the validator's errors name the failing part of the document
        result["error"] = str(error)[:2000]
    run = subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "run", base + "/openapi.json",
         "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
         "--max-examples", examples, "--generation-deterministic", "--request-timeout", "60", "--no-color"],
        capture_output=True, text=True)
    result["schemathesis"] = run.returncode
    result["summary"] = "\n".join((run.stdout + run.stderr).strip().splitlines()[-60:])
    json.dump(result, sys.stdout)
    sys.exit(0 if result["valid"] and run.returncode == 0 else 1)


if __name__ == "__main__":
    main()
