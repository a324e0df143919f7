FROM nginx:1.27
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --start-interval=2s --retries=3 CMD curl -fsS http://localhost/ || exit 1
HEALTHCHECK NONE
STOPSIGNAL SIGQUIT
EXPOSE 80/tcp 443 8000-8010
