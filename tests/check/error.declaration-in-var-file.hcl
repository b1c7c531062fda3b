variable "image" {
  type = string
}

job "web" {
  group "app" {
    task "server" {
      driver = "docker"
      config {
        image = var.image
      }
    }
  }
}
