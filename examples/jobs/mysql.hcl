# mysql: the database behind hashiapp. Its root password never appears in the job: the
# template reads it from Vault and renders it into secrets/, which only the task can read.
variable "mysql_command" {
  type        = string
  default     = "mysqld"
  description = "The database server: mysqld, or build/hashiapp as a stand-in where MySQL is not installed (it takes the same flags)."
}

job "mysql" {
  datacenters = ["dc1"]
  type        = "service"

  group "mysql" {
    count = 1

    network {
      port "db" {
        static = 3306
      }
    }

    # One database instance: replace it only once the new one is healthy, roll back if not.
    update {
      max_parallel     = 1
      health_check     = "checks"
      min_healthy_time = "10s"
      healthy_deadline = "3m"
      auto_revert      = true
    }

    restart {
      attempts = 3
      interval = "5m"
      delay    = "15s"
      mode     = "fail"
    }

    task "mysql" {
      driver = "exec"

      config {
        command = var.mysql_command
        args    = ["--datadir=${NOMAD_ALLOC_DIR}/data", "--bind-address=${NOMAD_IP_db}", "--port=${NOMAD_PORT_db}"]
      }

      # "mysql" reads the database's secrets; Vault's built-in "default" policy lets the token
      # renew itself (update on auth/token/renew-self), which Nomad does before it expires.
      vault {
        policies = ["mysql", "default"]
      }

      # Client credentials for health checks and admin shells; re-rendered (and the task
      # restarted) whenever the secret changes in Vault.
      template {
        data        = <<EOT
[client]
user = root
{{ with secret "secret/data/mysql" }}password = {{ .Data.data.root_password }}{{ end }}
EOT
        destination = "secrets/my.cnf"
        change_mode = "restart"
        perms       = "0600"
      }

      template {
        data        = <<-EOT
          MYSQL_ROOT_PASSWORD={{ with secret "secret/data/mysql" }}{{ .Data.data.root_password }}{{ end }}
          EOT
        destination = "secrets/mysql.env"
        env         = true
      }

      resources {
        cpu    = 500
        memory = 512
      }

      service {
        name = "mysql"
        port = "db"

        check {
          type     = "tcp"
          interval = "10s"
          timeout  = "2s"
        }
      }
    }
  }
}
