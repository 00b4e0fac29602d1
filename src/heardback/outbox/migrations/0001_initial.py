import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('accounts', '0001_initial'),
        ('feedback', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='OutboundEmail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(blank=True, max_length=40)),
                ('idempotency_key', models.CharField(max_length=200)),
                ('message_id', models.CharField(max_length=255)),
                ('from_email', models.CharField(max_length=400)),
                ('to', models.CharField(max_length=400)),
                ('reply_to', models.CharField(blank=True, max_length=400)),
                ('subject', models.CharField(max_length=998)),
                ('text', models.TextField()),
                ('html', models.TextField(blank=True)),
                ('headers', models.JSONField(blank=True, default=dict)),
                ('status', models.CharField(choices=[('queued', 'Queued'), ('sending', 'Sending'), ('sent', 'Sent'), ('failed', 'Failed'), ('bounced', 'Bounced'), ('cancelled', 'Cancelled')], default='queued', max_length=10)),
                ('attempts', models.PositiveIntegerField(default=0)),
                ('next_attempt_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('scheduled_for', models.DateTimeField(blank=True, null=True)),
                ('last_attempt_at', models.DateTimeField(blank=True, null=True)),
                ('last_error', models.TextField(blank=True)),
                ('sent_at', models.DateTimeField(blank=True, null=True)),
                ('claimed_by', models.CharField(blank=True, max_length=100)),
                ('lease_expires_at', models.DateTimeField(blank=True, null=True)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('note', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='emails', to='feedback.feedbacknote')),
                ('organization', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='outbound_emails', to='accounts.organization')),
            ],
            options={
                'ordering': ['-created_at', '-id'],
                'indexes': [models.Index(fields=['status', 'next_attempt_at'], name='outbound_email_due'), models.Index(fields=['status', 'lease_expires_at'], name='outbound_email_lease'), models.Index(fields=['last_attempt_at'], name='outbound_email_recent')],
                'constraints': [models.UniqueConstraint(fields=('idempotency_key',), name='outbound_email_unique_idempotency_key'), models.UniqueConstraint(fields=('message_id',), name='outbound_email_unique_message_id'), models.CheckConstraint(condition=models.Q(('status__in', ['queued', 'sending', 'sent', 'failed', 'bounced', 'cancelled'])), name='outbound_email_status_valid'), models.CheckConstraint(condition=models.Q(models.Q(('status', 'sending'), _negated=True), models.Q(('claimed_by__gt', ''), ('lease_expires_at__isnull', False)), _connector='OR'), name='outbound_email_sending_has_lease'), models.CheckConstraint(condition=models.Q(models.Q(('status', 'sent'), _negated=True), ('sent_at__isnull', False), _connector='OR'), name='outbound_email_sent_has_date')],
            },
        ),
    ]
