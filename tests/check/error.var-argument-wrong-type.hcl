variable "image" {
  type    = string
  default = "nginx:1.27"
}

variable "replicas" {
  type    = number
  default = 2
}

locals {
  name = "web-${var.replicas}"
}

job "web" {
  group "app" {
    count = var.replicas
    task "server" {
      driver = "docker"
      config {
        image = var.image
      }
      meta {
        name = local.name
      }
    }
  }
}
