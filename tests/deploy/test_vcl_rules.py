"""site/varnish/pbr.vcl's storage rules against a scripted backend, with Varnish's own test
tool (varnishtest, in Debian's varnish package): tests/deploy/vcl_rules.vtc. The rules met
through the real application are in test_varnish.py."""

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.servers import VARNISH_VCL, VARNISHD

pytestmark = pytest.mark.slow
VARNISHTEST = shutil.which("varnishtest") or "/usr/bin/varnishtest"


def run_varnishtest(tmp_path, name):
    return subprocess.run(
        [
            VARNISHTEST,
            "-q",
            "-t",
            "60",
            f"-Dvarnishd={VARNISHD}",
            f"-Dpbr_vcl={VARNISH_VCL}",
            str(Path(__file__).with_name(name)),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_only_what_says_s_maxage_is_kept_and_stale_while_revalidate_is_grace(tmp_path):
    result = run_varnishtest(tmp_path, "vcl_rules.vtc")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_a_purge_drops_a_path_or_everything_under_a_path_ending_in_a_star(tmp_path):
    result = run_varnishtest(tmp_path, "vcl_purges.vtc")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
