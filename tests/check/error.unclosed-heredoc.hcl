job "web" {
  group "app" {
    task "t" {
      template {
        data = <<EOT
port = {{ env "NOMAD_PORT_http" }}
      }
    }
  }
}
