FROM centos:7
MAINTAINER Jane Doe <jane@example.com>
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN yum install -y httpd && yum clean all
CMD httpd -DFOREGROUND
ENTRYPOINT []
WORKDIR /var/www/html
