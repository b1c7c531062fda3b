job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      template {
        data        = "{{ with secret \"kv/data/db\" }}{{ .Data.data.password }}{{ end }}"
        destination = "secrets/db.env"
        change_mode = "noop"
      }
    }
  }
}
