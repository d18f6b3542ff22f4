"""Load a brat collection the way brat's server does and report every problem.

Usage: python3 check.py DIR
Exit 0 when brat reads the annotation.conf and visual.conf without a message, every
type used in the .ann files is configured and labelled, and brat's own verifier
(verify_annotations.py, the checks the web UI shows as errors) finds nothing.
"""
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import annotation  # noqa: E402
from projectconfig import ProjectConfiguration  # noqa: E402
from realmessage import Messager  # noqa: E402
from verify_annotations import verify_annotation  # noqa: E402


def main(directory):
    directory = os.path.abspath(directory)
    problems = []
    documents = 0
    configured = 0
    for folder, _, names in sorted(os.walk(directory)):
        anns = sorted(n for n in names if n.endswith(".ann"))
        if not anns:
            continue
        # brat looks for annotation.conf and visual.conf in the document's folder,
        # then its parents, as the server does.
        config = ProjectConfiguration(folder)
        types = set(config.get_entity_types())
        configured = max(configured, len(types))
        for t in sorted(types):
            if not config.get_labels_by_type(t):
                problems.append("%s: type %s has no label in visual.conf" % (folder, t))
        for name in anns:
            documents += 1
            path = os.path.join(folder, name)
            with annotation.TextAnnotations(path[:-4], read_only=True) as ann:
                for tb in ann.get_textbounds():
                    if tb.type not in types:
                        problems.append("%s: %s has unconfigured type %s" % (path, tb.id, tb.type))
                for issue in verify_annotation(ann, config):
                    problems.append("%s: %s" % (path, issue.human_readable_str()))
    out = io.StringIO()
    Messager.output(out)
    problems.extend("brat message: %s" % m for m in out.getvalue().splitlines())
    for p in problems:
        print(p)
    print("%d document(s), %d type(s), %d problem(s)" % (documents, configured, len(problems)))
    return 1 if problems or documents == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
