"""The start of a local Ray by ``saidwhat ingest --ray``: without the API server (usage stats off), the
autoscaler monitor and the log monitor, and with the raylet's registration seen within ``NODE_POLL``
seconds; Ray's own functions restored after, and left alone where its internals are not as expected
(the API server also while usage stats are on)."""

from __future__ import annotations

import os
from types import SimpleNamespace
from typing import Any

import pytest

from saidwhat.ingest import raypool
from saidwhat.ingest.raypool import RayAnalyser, _quick_start, _shutdown, _wait_for_node


class _Node:
    def start_api_server(self, **_: Any) -> str:
        return "started"

    def start_monitor(self) -> str:
        return "monitor"

    def start_log_monitor(self) -> str:
        return "log monitor"


class _State:
    """A GCS that lists the node alive from its third look on."""

    looks = 0
    disconnected = False

    def _initialize_global_state(self, options: Any) -> None:
        assert options == "options"

    def node_table(self) -> list[dict[str, Any]]:
        _State.looks += 1
        return [{"NodeID": "n1", "Alive": _State.looks >= 3}, {"NodeID": "other", "Alive": True}]

    def disconnect(self) -> None:
        _State.disconnected = True


def _fake_ray() -> Any:
    services = SimpleNamespace(
        get_node=lambda address, node_id: {"node": node_id},
        _get_gcs_client_options=lambda address: "options",
    )
    private = SimpleNamespace(
        node=SimpleNamespace(Node=_Node), services=services, state=SimpleNamespace(GlobalState=_State)
    )
    return SimpleNamespace(_private=private)


def test_the_api_server_is_skipped_and_the_node_polled_only_within(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAY_USAGE_STATS_ENABLED", "0")
    monkeypatch.setattr(raypool, "NODE_POLL", 0.001)
    ray = _fake_ray()
    get_node = ray._private.services.get_node
    _State.looks, _State.disconnected = 0, False
    with _quick_start(ray):
        assert _Node().start_api_server(include_dashboard=False, raise_on_failure=False) is None
        assert _Node().start_monitor() is None and _Node().start_log_monitor() is None
        assert ray._private.services.get_node("gcs", "n1") == {"node": "n1"}
        assert _State.looks == 3 and _State.disconnected
    assert _Node().start_api_server() == "started"
    assert _Node().start_monitor() == "monitor" and _Node().start_log_monitor() == "log monitor"
    assert ray._private.services.get_node is get_node


def test_usage_stats_on_keep_the_api_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAY_USAGE_STATS_ENABLED", "1")
    with _quick_start(_fake_ray()):
        assert _Node().start_api_server() == "started"


def test_other_ray_internals_are_left_alone() -> None:
    ray = SimpleNamespace(_private=SimpleNamespace())  # no node, services or state modules
    with _quick_start(ray):
        pass
    assert vars(ray._private) == {}


def test_a_failing_look_leaves_the_wait_to_ray() -> None:
    class Broken(_State):
        def node_table(self) -> list[dict[str, Any]]:
            raise RuntimeError("GCS down")

    _wait_for_node(Broken, "options", "n1")  # returns at once, nothing raised


def test_a_local_ray_starts_without_the_api_server() -> None:
    ray = pytest.importorskip("ray", reason="ray is not installed (the 'ray' extra)")
    if ray.is_initialized():
        pytest.skip("Ray already runs in this process")
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    node_class = ray._private.node.Node
    api_server, get_node = node_class.start_api_server, ray._private.services.get_node
    assert RayAnalyser(num_cpus=2)._connect(ray)
    try:
        node = ray._private.worker._global_node
        assert not {"dashboard", "monitor", "log_monitor"} & set(node.all_processes)
        assert {"gcs_server", "raylet"} <= set(node.all_processes)
        assert ray.cluster_resources().get("CPU") == 2
        assert node_class.start_api_server is api_server and ray._private.services.get_node is get_node
    finally:
        _shutdown(ray)
