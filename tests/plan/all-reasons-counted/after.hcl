job "web" {
  datacenters = ["dc1"]
  type        = "service"

  constraint {
    attribute = "${attr.driver.docker.version}"
    operator  = "semver"
    value     = ">= 25.0.0"
  }

  constraint {
    attribute = "${meta.rack}"
    operator  = "is_set"
  }

  constraint {
    attribute = "${meta.features}"
    operator  = "set_contains_any"
    value     = "gpu,ssd"
  }

  group "web" {
    count = 3

    network {
      port "http" {
        to = 8080
      }
    }

    service {
      name = "web"
      port = "http"
      tags = ["urlprefix-/"]

      check {
        type     = "http"
        path     = "/health"
        interval = "10s"
        timeout  = "2s"
      }
    }

    task "server" {
      driver = "docker"

      config {
        image = "nginx:1.25"
        ports = ["http"]
      }

      env {
        MODE = "prod"
      }

      resources {
        cpu    = 500
        memory = 256
      }
    }
  }
}
