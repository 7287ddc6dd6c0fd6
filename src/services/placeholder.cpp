// Scaffolding: replaced by the services.
