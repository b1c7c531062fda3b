# fabio: the router. A system job on every node: it watches the catalog and routes
# http://host:9999/<prefix> to the services tagged `urlprefix-/<prefix>`; its UI is on 9998.
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

      config {
        command = "fabio"
        args    = ["-proxy.addr", ":${NOMAD_PORT_lb}", "-ui.addr", ":${NOMAD_PORT_ui}"]
      }

      env {
        registry_consul_addr = "127.0.0.1:8500"
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
