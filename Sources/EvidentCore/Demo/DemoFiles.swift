/// The evidence files of the worked example: what a security lead would really attach.
enum DemoFiles {
    static let all: [(name: String, text: String)] = [
        ("key-rotation-log.csv", """
            key_id,environment,created,rotated_by,old_key_revoked
            key_prod_7Hq2,production,2026-04-02,priya.shah,2026-04-03
            key_prod_9Xe1,production,2026-06-30,priya.shah,2026-07-01
            key_stg_2Lm8,staging,2026-06-30,ci-bot,2026-06-30

            """),
        ("tls-scan-api.acme-pay.example.txt", """
            Scan of api.acme-pay.example:443 (2026-09-12)
            Protocols accepted: TLSv1.2, TLSv1.3
            Protocols refused:  SSLv3, TLSv1.0, TLSv1.1
            Cipher suites (TLSv1.2): ECDHE-ECDSA-AES128-GCM-SHA256, ECDHE-RSA-AES256-GCM-SHA384
            Certificate: valid, chain complete, expires 2027-03-01
            HSTS: max-age=31536000; includeSubDomains

            """),
        ("webhook-handler-excerpt.js", """
            // payments/webhooks/verify.js (release 4.12.0)
            const signature = req.get('LiasonPay-Signature');
            if (!signature) return res.status(400).end();
            const [t, v1] = parseHeader(signature);
            if (Math.floor(Date.now() / 1000) - Number(t) > 300) return res.status(400).end();
            const expected = crypto.createHmac('sha256', process.env.LIASONPAY_WEBHOOK_SECRET)
              .update(`${t}.${req.rawBody}`).digest('hex');
            if (!crypto.timingSafeEqual(Buffer.from(v1), Buffer.from(expected))) return res.status(400).end();

            """),
        ("incident-response-plan.md", """
            # Payments incident response plan (v2.3, approved 2026-05-20)

            Roles: incident commander (on-call security lead), communications lead, payments engineer.
            Channels: #inc-payments (Slack), bridge line, status page; LiasonPay support escalation.
            Key compromise runbook: revoke in the LiasonPay dashboard, rotate, redeploy, review API logs.

            """),
        ("pentest-summary-2026.md", """
            # Penetration test of the payments integration — summary (July 2026)

            Scope: checkout API, webhook endpoint, admin console. Tester: external firm, OSCP-certified.
            Findings: 0 critical, 1 high (fixed 2026-08-02, retested), 3 medium (2 fixed, 1 accepted), 4 low.

            """),
        ("dependency-audit-2026-09.txt", """
            npm audit --production (payments service, 2026-09-28)
            found 0 vulnerabilities in 412 scanned packages
            pip-audit (reconciliation job): No known vulnerabilities found

            """),
        ("data-retention-policy.md", """
            # Payment data retention policy (v1.4)

            We store LiasonPay tokens and the last four digits only; no full card numbers are stored.
            Transaction records: 7 years (tax law). Webhook payloads: 90 days. Deletion by scheduled job with logs.

            """),
        ("access-review-2026-09.csv", """
            person,role,access,decision,reviewer
            priya.shah,security lead,LiasonPay dashboard admin,keep,cto
            marc.olsen,payments engineer,production secrets (read),keep,priya.shah
            jo.kim,former contractor,LiasonPay dashboard viewer,revoke,priya.shah

            """),
    ]
}
