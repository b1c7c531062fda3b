job "web" {
  group "app" {
    network {
      port "http" {}
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
        args    = ["-port", "${NOMAD_PORT_http}"]
      }
      template {
        destination = "local/app.env"
        data        = <<EOT
ADDR={{ env "NOMAD_ADDR_http" }}
EOT
      }
    }
  }
}
