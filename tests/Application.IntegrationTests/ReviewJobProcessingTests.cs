using CaseManager.Application.Cases;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common.Email;
using CaseManager.Application.Jobs.TriggerRecurringJob;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Application.Reviews;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.People;
using CaseManager.Infrastructure.Email;
using CaseManager.Infrastructure.Persistence;
using CaseManager.TestSupport;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application.IntegrationTests;

/// <summary>Switches that make the next run fail part way, as a killed process would.</summary>
public sealed class Faults
{
    private int _failStoreOnCall;
    private int _failEmails;
    private int _storeCalls;

    /// <summary>The n-th insert of a notification page from now on throws, once.</summary>
    public void FailNotificationPage(int n)
    {
        _storeCalls = 0;
        Volatile.Write(ref _failStoreOnCall, n);
    }

    public void FailEmails(int count) => Volatile.Write(ref _failEmails, count);

    public void OnStoreCall()
    {
        var call = Interlocked.Increment(ref _storeCalls);
        if (Volatile.Read(ref _failStoreOnCall) is > 0 and var n && call == n)
        {
            Volatile.Write(ref _failStoreOnCall, 0);
            throw new InvalidOperationException("Simulated crash while recording notices");
        }
    }

    public void OnEmail()
    {
        if (Interlocked.Decrement(ref _failEmails) >= 0)
        {
            throw new IOException("Simulated crash while sending a digest");
        }

        Interlocked.Exchange(ref _failEmails, 0);
    }
}

internal sealed class FaultyNotificationStore(NotificationStore inner, Faults faults) : INotificationStore
{
    public Task<int> AddIfAbsentAsync(IReadOnlyCollection<Notification> notifications, CancellationToken cancellationToken)
    {
        faults.OnStoreCall();
        return inner.AddIfAbsentAsync(notifications, cancellationToken);
    }

    public Task<int> AddIfAbsentAsync(IReadOnlyCollection<NotificationDigest> digests, CancellationToken cancellationToken) =>
        inner.AddIfAbsentAsync(digests, cancellationToken);

    public Task<bool> ClaimDigestAsync(Guid digestId, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.ClaimDigestAsync(digestId, at, cancellationToken);
}

internal sealed class FaultyEmailSender(PickupDirectoryEmailSender inner, Faults faults) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        faults.OnEmail();
        return inner.SendAsync(message, cancellationToken);
    }
}

/// <summary>A host whose Hangfire server processes jobs with four workers, reading one review per page, with fault switches.</summary>
public sealed class ReviewProcessingFactory : CaseManagerFactory
{
    public Faults Faults { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Jobs:RunServer", "true"),
        new("Jobs:PollInterval", "00:00:01"),
        new("Jobs:WorkerCount", "4"),
        new("Reviews:JobPageSize", "1"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Faults);
            services.AddScoped<NotificationStore>();
            services.AddScoped<INotificationStore, FaultyNotificationStore>();
            services.AddSingleton<PickupDirectoryEmailSender>();
            services.AddSingleton<IEmailSender, FaultyEmailSender>();
        });
    }
}

[Collection(nameof(HangfireProcessing))]
public sealed class ReviewJobProcessingTests : IAsyncLifetime
{
    private readonly ReviewProcessingFactory _factory = new();

    public Task InitializeAsync()
    {
        _ = _factory.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Trigger_ReviewReminders_DeliversInAppAndOneDigestPerUser()
    {
        await OpenIomAsync(new DateOnly(2026, 11, 1));
        await OpenIomAsync(new DateOnly(2026, 10, 20));

        await TriggerAsync();
        await WaitForRunsAsync(1);

        var (notices, digests) = await StoredAsync();
        notices.Should().Contain(n => n.Kind == NotificationKind.ReviewDue)
            .And.Contain(n => n.Kind == NotificationKind.ReviewOverdue)
            .And.Contain(n => n.Kind == NotificationKind.Escalation);
        digests.Should().OnlyContain(d => d.SentAt != null);
        digests.Should().HaveCount(notices.Select(n => n.UserId).Distinct().Count());
        MailCount().Should().Be(digests.Count);
    }

    [Fact]
    public async Task Trigger_ManyTimesAtOnceAndAgain_DeliversExactlyOnce()
    {
        for (var i = 0; i < 5; i++)
        {
            await OpenIomAsync(new DateOnly(2026, 10, 18).AddDays(i * 4));
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => TriggerAsync()));
        await WaitForRunsAsync(1);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await TriggerAsync();
        await WaitForRunsAsync(2);

        var (notices, digests) = await StoredAsync();
        notices.GroupBy(n => (n.UserId, n.Kind, n.ReviewId, n.PeriodKey)).Should().OnlyContain(g => g.Count() == 1);
        digests.Should().HaveCount(notices.Select(n => n.UserId).Distinct().Count());
        MailCount().Should().Be(digests.Count);
    }

    [Fact]
    public async Task Run_KilledWhileRecordingThenRetried_MissesNothingAndRepeatsNothing()
    {
        await OpenIomAsync(new DateOnly(2026, 11, 1));
        await OpenIomAsync(new DateOnly(2026, 10, 20));
        _factory.Faults.FailNotificationPage(2);

        await TriggerAsync();
        await WaitForAsync(async () => (await _factory.AuditCountAsync("command.RecordReviewNotificationsCommand")) >= 1);
        var afterCrash = await StoredAsync();
        await TriggerAsync();
        await WaitForRunsAsync(1);

        afterCrash.Notices.Should().BeEmpty("the crashed run's transaction was rolled back");
        afterCrash.Digests.Should().BeEmpty();
        var (notices, digests) = await StoredAsync();
        notices.Should().Contain(n => n.Kind == NotificationKind.ReviewDue).And.Contain(n => n.Kind == NotificationKind.Escalation);
        digests.Should().OnlyContain(d => d.SentAt != null);
        MailCount().Should().Be(digests.Count);
    }

    [Fact]
    public async Task Run_KilledWhileSendingDigestsThenRetried_SendsEachDigestOnce()
    {
        await OpenIomAsync(new DateOnly(2026, 10, 20));
        _factory.Faults.FailEmails(1);

        await TriggerAsync();
        // The failed run goes on with the other digests before it fails: wait until all but the failed one are sent.
        await WaitForAsync(async () => await _factory.QueryDbAsync(async db =>
            await db.NotificationDigests.CountAsync() > 1
            && await db.NotificationDigests.CountAsync(d => d.SentAt != null) == await db.NotificationDigests.CountAsync() - 1));
        var sentBeforeRetry = MailCount();
        await TriggerAsync();
        await WaitForAsync(async () => await _factory.QueryDbAsync(db => db.NotificationDigests.AllAsync(d => d.SentAt != null)));

        var (_, digests) = await StoredAsync();
        digests.Count.Should().BeGreaterThan(1);
        sentBeforeRetry.Should().Be(digests.Count - 1, "one digest failed and stayed unsent");
        MailCount().Should().Be(digests.Count);
    }

    private async Task TriggerAsync() =>
        await _factory.SendAsAsync<Unit>(DemoUsers.Administrator, new TriggerRecurringJobCommand("review-reminders"));

    private async Task WaitForRunsAsync(int runs)
    {
        var done = await WaitForAsync(async () =>
            await _factory.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "review.reminders")) >= runs
            && await _factory.QueryDbAsync(db => db.NotificationDigests.AllAsync(d => d.SentAt != null)));
        done.Should().BeTrue("the Hangfire server should run the job within the wait");
    }

    private async Task<(List<Notification> Notices, List<NotificationDigest> Digests)> StoredAsync() => (
        await _factory.QueryDbAsync(db => db.Notifications.AsNoTracking().ToListAsync()),
        await _factory.QueryDbAsync(db => db.NotificationDigests.AsNoTracking().ToListAsync()));

    private int MailCount() => Directory.Exists(_factory.MailFolder) ? Directory.GetFiles(_factory.MailFolder, "*.eml").Length : 0;

    private async Task OpenIomAsync(DateOnly start)
    {
        var person = await _factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker,
            new RegisterPersonCommand("Review", "Subject" + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26)))), new DateOnly(1990, 1, 1)));
        await _factory.SendAsAsync<CaseView>(DemoUsers.PoliceCaseworker,
            new OpenCaseCommand(Scheme.Iom, new PersonId(person.Id), start, Cohort: "Fixed", SelectionReason: "Panel decision"));
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        return false;
    }
}
