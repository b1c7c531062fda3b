variable "count" {
  type    = number
  default = 0
  validation {
    condition     = var.count > 0
    error_message = "The count must be positive."
  }
}

job "web" {
  group "app" {
    count = var.count
  }
}
