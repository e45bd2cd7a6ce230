namespace CaseManager.Web.CrashTests;

/// <summary>The review-reminders job on a fresh instance with real Hangfire processing, and killed while it sends.</summary>
public sealed class JobCrashTests
{
    private const string ReviewReminders = "review-reminders";

    private const string RunsAudited = "SELECT COUNT(*) FROM AuditEntries WHERE Action = 'review.reminders'";

    [Fact]
    public async Task FirstTriggerOnAFreshInstance_RecordsTheDueNoticesPromptly()
    {
        using var instance = new AppInstance();
        var app = instance.Start();
        await app.WaitUntilReadyAsync();
        await app.SignInAsync();

        await app.TriggerAsync(ReviewReminders);

        // The demo data has reviews due and overdue today. A triggered job runs within moments, not on the job
        // store's next poll (it was 15 s, so a check soon after the first trigger found nothing recorded).
        (await Database.EventuallyAsync(() => instance.Scalar("SELECT COUNT(*) FROM Notifications") > 0, TimeSpan.FromSeconds(5)))
            .Should().BeTrue("the first run records what is due. Output:\n" + app.Output);
        (await Database.EventuallyAsync(() => instance.Scalar("SELECT COUNT(*) FROM NotificationDigests WHERE SentAt IS NULL") == 0, TimeSpan.FromSeconds(20)))
            .Should().BeTrue();
        instance.Count("NotificationDigests").Should().BeGreaterThan(0);

        // And so does every later trigger: each run is audited once (review.reminders).
        for (var run = 2; run <= 3; run++)
        {
            await app.TriggerAsync(ReviewReminders);
            var expected = run;
            (await Database.EventuallyAsync(() => instance.Scalar(RunsAudited) >= expected, TimeSpan.FromSeconds(5)))
                .Should().BeTrue($"trigger {run} ran promptly");
        }
    }

    [Fact]
    public async Task JobStoreByDefault_IsBesideTheCaseDatabase()
    {
        using var one = new AppInstance();
        using var other = new AppInstance();
        var first = one.Start();
        var second = other.Start();
        await Task.WhenAll(first.WaitUntilReadyAsync(), second.WaitUntilReadyAsync());

        File.Exists(Path.Combine(one.Folder, "casemanager.hangfire.db")).Should().BeTrue("each case database has its own job store");
        File.Exists(Path.Combine(other.Folder, "casemanager.hangfire.db")).Should().BeTrue();
    }

    [Fact]
    public async Task KilledWhileSendingDigests_RetryLeavesOneCompleteMailFilePerDigest()
    {
        using var instance = new AppInstance();
        var first = instance.Start();
        await first.WaitUntilReadyAsync();
        await first.SignInAsync();
        await first.TriggerAsync(ReviewReminders);

        // Kill the moment the first mail file appears: it is being written, or written but its digest not yet
        // marked sent.
        (await Database.EventuallyAsync(
                () => Directory.Exists(instance.MailFolder) && Directory.EnumerateFiles(instance.MailFolder).Any(),
                TimeSpan.FromSeconds(30),
                everyMilliseconds: 1))
            .Should().BeTrue("the job sends mail. Output:\n" + first.Output);
        first.Kill();
        NoPartialMail(instance);

        var second = instance.Start();
        await second.WaitUntilReadyAsync();
        await second.SignInAsync();
        await second.TriggerAsync(ReviewReminders);
        (await Database.EventuallyAsync(() => instance.Scalar("SELECT COUNT(*) FROM NotificationDigests WHERE SentAt IS NULL") == 0, TimeSpan.FromSeconds(30)))
            .Should().BeTrue("the retry sends what is unsent. Output:\n" + second.Output);

        var digests = instance.Strings("SELECT Id FROM NotificationDigests").Select(id => Guid.Parse(id).ToString("N")).Order().ToList();
        digests.Should().NotBeEmpty();
        var files = Directory.GetFiles(instance.MailFolder, "*.eml");
        files.Select(f => Path.GetFileNameWithoutExtension(f)).Order().Should().Equal(digests, "one mail file per digest, named after it: the retry replaced the killed run's file");
        NoPartialMail(instance);
    }

    private static void NoPartialMail(AppInstance instance)
    {
        foreach (var file in Directory.GetFiles(instance.MailFolder, "*.eml"))
        {
            new FileInfo(file).Length.Should().BePositive($"{Path.GetFileName(file)} is not empty");
            var message = MimeKit.MimeMessage.Load(file);
            message.Subject.Should().StartWith("CaseManager:");
            message.TextBody.Should().Contain("mark them read at", $"{Path.GetFileName(file)} is complete to its last line");
        }
    }
}
