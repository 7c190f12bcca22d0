"""The network guard of conftest really blocks: otherwise 'the suite passes offline' would prove nothing."""

import socket

import pytest

from tests.conftest import NetworkBlockedError


def test_tcp_connect_is_refused() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(NetworkBlockedError):
        sock.connect(("127.0.0.1", 9))


def test_name_lookup_is_refused() -> None:
    with pytest.raises(NetworkBlockedError):
        socket.getaddrinfo("example.org", 443)
