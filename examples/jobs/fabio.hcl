# fabio: the router. A system job on every node: `hjob router` watches the catalog (hjob's own,
# in the agent's state, plays Consul's part) and routes http://NODE:9999/<prefix> to the passing
# instances of the services tagged `urlprefix-/<prefix>`, as Fabio does; its admin pages
# (status page, /api/routes, /api/metrics, /health) are on 9998.
# On hjob's local runtime: hjob apply -var hjob_command=$PWD/build/hjob examples/jobs/fabio.hcl

variable "hjob_command" {
  type        = string
  default     = "hjob"
  description = "The hjob program: a name on the agent's PATH or an absolute path (the demo passes build/hjob)."
}

job "fabio" {
  datacenters = ["dc1"]
  type        = "system"

  group "fabio" {
    network {
      port "lb" {
        static = 9999
      }
      port "ui" {
        static = 9998
      }
    }

    task "fabio" {
      driver = "exec"

      # Run as a task, the router finds the agent's state above its allocation directory.
      config {
        command = var.hjob_command
        args = [
          "router",
          "--listen", "${NOMAD_IP_lb}:${NOMAD_PORT_lb}",
          "--ui", "${NOMAD_IP_ui}:${NOMAD_PORT_ui}",
        ]
      }

      resources {
        cpu    = 200
        memory = 128
      }

      service {
        name = "fabio"
        port = "lb"
        tags = ["router"]

        check {
          type     = "tcp"
          port     = "lb"
          interval = "10s"
          timeout  = "2s"
        }
      }

      service {
        name = "fabio-ui"
        port = "ui"

        check {
          type     = "http"
          path     = "/health"
          interval = "10s"
          timeout  = "2s"
        }
      }
    }
  }
}
