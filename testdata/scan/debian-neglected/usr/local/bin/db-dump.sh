#!/bin/sh
mysqldump -uroot -pfixtureSecret shop > /root/shop.sql
rsync -a /root/shop.sql backup@192.0.2.10:/backups/
