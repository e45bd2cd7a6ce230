using CaseManager.Application.Cases;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.People;
using CaseManager.Domain.Reviews;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// The review-reminders job's steps, run as Hangfire would run them but called directly, on a fresh database per
/// test, with the fake clock moved across days, month ends and clock changes.
/// </summary>
public sealed class ReviewReminderTests : IAsyncLifetime
{
    private readonly CaseManagerFactory _factory = new();

    public Task InitializeAsync()
    {
        _ = _factory.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Run_WithDueAndOverdueReviews_RemindsTheWorkerAndEscalatesToManagers()
    {
        var due = await OpenIomAsync(new DateOnly(2026, 11, 1));
        var overdue = await OpenIomAsync(new DateOnly(2026, 10, 20));
        var upcoming = await OpenIomAsync(new DateOnly(2026, 11, 20));

        await RunJobAsync();

        var officer = (await _factory.ActorForAsync(DemoUsers.PoliceCaseworker)).UserId;
        var manager = (await _factory.ActorForAsync(DemoUsers.PoliceManager)).UserId;
        var notices = await NoticesAsync();
        notices.Where(n => n.ReviewId == due).Select(n => (n.UserId, n.Kind, n.PeriodKey))
            .Should().BeEquivalentTo([(officer, NotificationKind.ReviewDue, "2026-11-26")]);
        notices.Where(n => n.ReviewId == overdue).Select(n => (n.UserId, n.Kind, n.PeriodKey))
            .Should().BeEquivalentTo([(officer, NotificationKind.ReviewOverdue, "2026-11-26"), (manager, NotificationKind.Escalation, "P1")]);
        notices.Should().NotContain(n => n.ReviewId == upcoming);
    }

    [Fact]
    public async Task Run_ManyTimesOnOneDay_RecordsEachNoticeOnceAndEmailsOneDigestPerUser()
    {
        await OpenIomAsync(new DateOnly(2026, 11, 1));
        await OpenIomAsync(new DateOnly(2026, 10, 20));

        await RunJobAsync();
        var first = await NoticesAsync();
        await RunJobAsync();
        await RunJobAsync();

        var notices = await NoticesAsync();
        var digests = await _factory.QueryDbAsync(db => db.NotificationDigests.AsNoTracking().ToListAsync());
        notices.Should().HaveCount(first.Count);
        digests.Select(d => d.UserId).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(notices.Select(n => n.UserId).Distinct());
        digests.Should().OnlyContain(d => d.SentAt != null);
        MailCount().Should().Be(digests.Count);
    }

    [Fact]
    public async Task Run_ConcurrentlyOnOneDatabase_RecordsAndSendsEverythingExactlyOnce()
    {
        for (var i = 0; i < 6; i++)
        {
            await OpenIomAsync(new DateOnly(2026, 10, 20).AddDays(i * 3));
        }

        var job = _factory.Services.GetRequiredService<ReviewRemindersJob>();
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => job.Run(CancellationToken.None))));

        var notices = await NoticesAsync();
        var digests = await _factory.QueryDbAsync(db => db.NotificationDigests.AsNoTracking().ToListAsync());
        notices.GroupBy(n => (n.UserId, n.Kind, n.ReviewId, n.PeriodKey)).Should().OnlyContain(g => g.Count() == 1);
        notices.Should().NotBeEmpty();
        digests.Should().HaveCount(notices.Select(n => n.UserId).Distinct().Count());
        MailCount().Should().Be(digests.Count);
    }

    [Fact]
    public async Task Run_DailyAcrossMonthEnd_SendsDailyNoticesAndEscalatesEverySevenDays()
    {
        var review = await OpenIomAsync(new DateOnly(2026, 10, 31));

        for (var day = 0; day < 16; day++)
        {
            await RunJobAsync();
            await RunJobAsync();
            _factory.Clock.Advance(TimeSpan.FromDays(1));
        }

        var mine = (await NoticesAsync()).Where(n => n.ReviewId == review).ToList();
        mine.Where(n => n.Kind == NotificationKind.ReviewDue).Select(n => n.Day)
            .Should().Equal(Enumerable.Range(0, 3).Select(i => new DateOnly(2026, 11, 26).AddDays(i)));
        mine.Where(n => n.Kind == NotificationKind.ReviewOverdue).Should().HaveCount(13);
        mine.Where(n => n.Kind == NotificationKind.Escalation).Select(n => (n.Day, n.PeriodKey))
            .Should().Equal((new DateOnly(2026, 11, 29), "P0"), (new DateOnly(2026, 12, 6), "P1"));
        var digests = await _factory.QueryDbAsync(db => db.NotificationDigests.AsNoTracking().ToListAsync());
        digests.GroupBy(d => (d.UserId, d.Day)).Should().OnlyContain(g => g.Count() == 1);
        MailCount().Should().Be(digests.Count);
    }

    [Fact]
    public async Task Run_JustAfterMidnightAcrossSpringClockChange_FilesNoticesUnderThePartnershipDay()
    {
        _factory.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 20, 9, 0, 0, TimeSpan.Zero));
        var review = await OpenIomAsync(new DateOnly(2027, 2, 28));

        _factory.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 28, 23, 30, 0, TimeSpan.Zero));
        await RunJobAsync();
        _factory.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 29, 22, 59, 0, TimeSpan.Zero));
        await RunJobAsync();

        var mine = (await NoticesAsync()).Where(n => n.ReviewId == review && n.Kind == NotificationKind.ReviewOverdue).ToList();
        mine.Should().ContainSingle().Which.Day.Should().Be(new DateOnly(2027, 3, 29), "23:30 UTC on 28 March is 00:30 BST on 29 March");
    }

    [Fact]
    public async Task Run_AcrossAutumnClockChange_SendsOneNoticePerCalendarDay()
    {
        _factory.Clock.SetUtcNow(new DateTimeOffset(2027, 10, 20, 9, 0, 0, TimeSpan.Zero));
        var review = await OpenIomAsync(new DateOnly(2027, 9, 25));

        foreach (var at in new[] { "2027-10-30T06:00:00Z", "2027-10-30T22:59:00Z", "2027-10-31T07:00:00Z", "2027-10-31T23:30:00Z", "2027-11-01T07:00:00Z" })
        {
            _factory.Clock.SetUtcNow(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));
            await RunJobAsync();
        }

        var days = (await NoticesAsync()).Where(n => n.ReviewId == review && n.Kind == NotificationKind.ReviewOverdue).Select(n => n.Day).Order().ToList();
        days.Should().Equal(new DateOnly(2027, 10, 30), new DateOnly(2027, 10, 31), new DateOnly(2027, 11, 1));
    }

    private async Task RunJobAsync() =>
        await _factory.Services.GetRequiredService<ReviewRemindersJob>().Run(CancellationToken.None);

    private Task<List<Notification>> NoticesAsync() =>
        _factory.QueryDbAsync(db => db.Notifications.AsNoTracking().ToListAsync());

    private int MailCount() => Directory.Exists(_factory.MailFolder) ? Directory.GetFiles(_factory.MailFolder, "*.eml").Length : 0;

    private async Task<ReviewId> OpenIomAsync(DateOnly start)
    {
        var person = await _factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker,
            new RegisterPersonCommand("Review", "Subject" + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26)))), new DateOnly(1990, 1, 1)));
        var opened = await _factory.SendAsAsync<CaseView>(DemoUsers.PoliceCaseworker,
            new OpenCaseCommand(Scheme.Iom, new PersonId(person.Id), start, Cohort: "Fixed", SelectionReason: "Panel decision"));
        var caseId = new CaseId(opened.Id);
        return await _factory.QueryDbAsync(db => db.Reviews.Where(r => r.CaseId == caseId).Select(r => r.Id).SingleAsync());
    }
}
