# consul: the service catalog. A system job, so every node runs one agent; the dev agent keeps
# its state in the allocation directory and serves DNS and HTTP on the usual ports.
job "consul" {
  datacenters = ["dc1"]
  type        = "system"

  group "consul" {
    network {
      port "http" {
        static = 8500
      }
      port "dns" {
        static = 8600
      }
    }

    task "consul" {
      driver = "raw_exec"

      config {
        command = "consul"
        args = [
          "agent",
          "-dev",
          "-data-dir", "${NOMAD_ALLOC_DIR}/data",
          "-bind", "127.0.0.1",
          "-client", "127.0.0.1",
          "-http-port", "${NOMAD_PORT_http}",
          "-dns-port", "${NOMAD_PORT_dns}",
        ]
      }

      resources {
        cpu    = 200
        memory = 128
      }

      service {
        name = "consul-agent"
        port = "http"

        check {
          type     = "http"
          path     = "/v1/status/leader"
          interval = "10s"
          timeout  = "2s"
        }
      }
    }
  }
}
