#!/usr/bin/env python3
"""Cross-language check: a Python gRPC client (Debian's python3-grpcio) against the real aircargod.

Generates Python stubs from proto/ with protoc and grpc_python_plugin into a temporary folder,
starts aircargod on a free port, and checks NetworkService answers, NOT_FOUND, and that the health
service reports SERVING.

Usage: python_client_test.py AIRCARGOD PROTO_DIR PROTOC GRPC_PYTHON_PLUGIN
"""
import pathlib
import re
import subprocess
import sys
import tempfile
import unittest

AIRCARGOD, PROTO_DIR, PROTOC, PLUGIN = sys.argv[1:5]
del sys.argv[1:5]


def generate_stubs(out_dir):
    protos = sorted(str(p.relative_to(PROTO_DIR))
                    for p in pathlib.Path(PROTO_DIR).glob("aircargo/v1/*.proto"))
    subprocess.run([PROTOC, f"--proto_path={PROTO_DIR}", f"--python_out={out_dir}",
                    f"--grpc_out={out_dir}", f"--plugin=protoc-gen-grpc={PLUGIN}", *protos],
                   check=True)
    sys.path.insert(0, out_dir)


class PythonClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        import grpc  # Debian's python3-grpcio: fail here, before a server is started
        cls.grpc = grpc
        cls.tmp = tempfile.TemporaryDirectory()
        generate_stubs(cls.tmp.name)
        cls.server = subprocess.Popen([AIRCARGOD, "--listen", "127.0.0.1:0", "--in-memory"],
                                      stdout=subprocess.PIPE, text=True)
        line = cls.server.stdout.readline()
        match = re.search(r"on 127\.0\.0\.1:(\d+)$", line.strip())
        if not match:
            cls.server.kill()
            raise RuntimeError(f"aircargod did not start: {line!r}")
        from aircargo.v1 import network_service_pb2_grpc
        cls.channel = grpc.insecure_channel(f"127.0.0.1:{match.group(1)}")
        cls.stub = network_service_pb2_grpc.NetworkServiceStub(cls.channel)

    @classmethod
    def tearDownClass(cls):
        cls.channel.close()
        cls.server.terminate()
        assert cls.server.wait(timeout=10) == 0, "aircargod did not shut down cleanly"
        cls.tmp.cleanup()

    def test_list_routes_from_she_includes_vancouver(self):
        from aircargo.v1 import network_service_pb2
        response = self.stub.ListRoutes(network_service_pb2.ListRoutesRequest(origin="she"),
                                        timeout=10)
        self.assertGreater(response.network_version, 0)
        self.assertIn("YVR", {r.destination for r in response.routes})

    def test_unknown_airport_is_not_found_naming_the_code(self):
        from aircargo.v1 import network_service_pb2
        with self.assertRaises(self.grpc.RpcError) as ctx:
            self.stub.GetAirport(network_service_pb2.GetAirportRequest(iata="XXX"), timeout=10)
        self.assertEqual(ctx.exception.code(), self.grpc.StatusCode.NOT_FOUND)
        self.assertIn("XXX", ctx.exception.details())

    def test_health_check_reports_serving(self):
        # grpc.health.v1.Health/Check with an empty request; SERVING is field 1 = 1.
        check = self.channel.unary_unary("/grpc.health.v1.Health/Check",
                                         request_serializer=lambda b: b,
                                         response_deserializer=lambda b: b)
        self.assertEqual(check(b"", timeout=10), b"\x08\x01")


if __name__ == "__main__":
    unittest.main(verbosity=2)
