using CaseManager.Application.Consents;
using CaseManager.Application.Consents.RecordConsent;
using CaseManager.Application.Consents.WithdrawConsent;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Application.Reviews.ListReviews;
using CaseManager.Application.Users;
using CaseManager.Application.Users.CreateUser;
using CaseManager.Application.Users.DisableUser;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.People;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;
using CaseManager.Domain.Users;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// Consent reviews: scheduled, renewed and cancelled with their consents, and reminded by the review-reminders job
/// (its steps called directly, as in <see cref="ReviewReminderTests"/>) to the recorder or, failing them, the
/// recording agency's managers. A fresh database per test; the fake clock stands on 26 November 2026.
/// </summary>
public sealed class ConsentReviewTests : IAsyncLifetime
{
    private const string Recorder = "consent.worker@police.demo";
    private static readonly DateOnly Today = new(2026, 11, 26);
    private readonly CaseManagerFactory _factory = new();

    public async Task InitializeAsync() =>
        await _factory.SendAsAsync<UserAccount>(DemoUsers.Administrator,
            new CreateUserCommand(Recorder, "Consent Worker", "POLICE", [Role.Caseworker], "Consent-Worker-Password-1"));

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task RecordConsent_Given_SchedulesItsReviewOnTheReviewDate_AndARefusalNone()
    {
        var person = await RegisterAsync();

        var given = await RecordAsync(person, Scheme.Iom, new DateOnly(2026, 3, 2), reviewOn: null);
        var refused = await RecordAsync(person, Scheme.Iom, new DateOnly(2026, 11, 1), reviewOn: null, ConsentStatus.Refused);

        var reviews = await ConsentReviewsAsync();
        var review = reviews.Should().ContainSingle(r => r.ConsentId == new ConsentId(given.Id)).Subject;
        review.DueOn.Should().Be(new DateOnly(2027, 3, 2), "consent recorded without a review date is reviewed 12 months on");
        review.Status.Should().Be(ReviewStatus.Open);
        review.OwnerAgency.Should().Be(AgencyCode.Parse("POLICE"));
        review.DataCategory.Should().Be(DataCategory.Identity);
        review.CaseId.Should().BeNull();
        reviews.Should().NotContain(r => r.ConsentId == new ConsentId(refused.Id));
    }

    [Fact]
    public async Task WithdrawConsent_CancelsItsOpenReview_SoTheJobSendsNothingForIt()
    {
        var person = await RegisterAsync();
        var consent = await RecordAsync(person, Scheme.Iom, new DateOnly(2025, 11, 20), new DateOnly(2026, 11, 20));

        await _factory.SendAsAsync<ConsentView>(Recorder, new WithdrawConsentCommand(person, new ConsentId(consent.Id), "No longer agrees"));
        await RunJobAsync();

        var review = await ReviewOfAsync(consent);
        review.Status.Should().Be(ReviewStatus.Cancelled);
        (await NoticesAsync()).Should().NotContain(n => n.ReviewId == review.Id);
    }

    [Fact]
    public async Task RecordConsent_RenewalBySameAgency_CompletesTheEarlierReviewOnTheRenewalDate()
    {
        var person = await RegisterAsync();
        var earlier = await RecordAsync(person, Scheme.Iom, new DateOnly(2025, 12, 1), reviewOn: null);
        var otherPurpose = await RecordAsync(person, Scheme.AdultTreatment, new DateOnly(2025, 12, 1), reviewOn: null);

        var renewal = await RecordAsync(person, Scheme.Iom, new DateOnly(2026, 11, 24), reviewOn: null);

        var closed = await ReviewOfAsync(earlier);
        closed.Status.Should().Be(ReviewStatus.Completed);
        closed.CompletedOn.Should().Be(new DateOnly(2026, 11, 24));
        closed.CompletedBy.Should().Be(await UserIdAsync(Recorder));
        closed.Summary.Should().Contain(renewal.Id.ToString());
        (await ReviewOfAsync(otherPurpose)).Status.Should().Be(ReviewStatus.Open, "a consent for another scheme is not renewed");
        (await ReviewOfAsync(renewal)).DueOn.Should().Be(new DateOnly(2027, 11, 24));
        (await _factory.AuditCountAsync("review.complete")).Should().Be(1);
    }

    [Fact]
    public async Task RecordConsent_ByAnotherAgencyOrARefusal_LeavesTheEarlierReviewOpen()
    {
        var adam = await _factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == "Ashby").Select(p => p.Id).SingleAsync());
        var police = await RecordAsync(adam, Scheme.Iom, new DateOnly(2025, 12, 1), reviewOn: null, by: DemoUsers.PoliceCaseworker);

        await RecordAsync(adam, Scheme.Iom, new DateOnly(2026, 11, 24), reviewOn: null, by: DemoUsers.ProbationCaseworker);
        await RecordAsync(adam, Scheme.Iom, new DateOnly(2026, 11, 25), reviewOn: null, ConsentStatus.Refused, by: DemoUsers.PoliceCaseworker);

        (await ReviewOfAsync(police)).Status.Should().Be(ReviewStatus.Open);
    }

    [Fact]
    public async Task Run_ConsentReviewDue_RemindsTheWorkerWhoRecordedIt()
    {
        var person = await RegisterAsync();
        var consent = await RecordAsync(person, Scheme.Iom, new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 29));

        await RunJobAsync();

        var recorder = await UserIdAsync(Recorder);
        var review = await ReviewOfAsync(consent);
        var notice = (await NoticesAsync()).Should().ContainSingle(n => n.ReviewId == review.Id).Subject;
        notice.UserId.Should().Be(recorder);
        notice.Kind.Should().Be(NotificationKind.ReviewDue);
        notice.ReviewKind.Should().Be(ReviewKind.Consent);
        notice.ConsentId.Should().Be(new ConsentId(consent.Id));
        notice.CaseId.Should().BeNull();
    }

    [Fact]
    public async Task Run_RecorderDisabled_RemindsTheRecordingAgencysManagersInstead()
    {
        var person = await RegisterAsync();
        var consent = await RecordAsync(person, Scheme.Iom, new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 29));
        var recorder = await UserIdAsync(Recorder);
        await _factory.SendAsAsync<Unit>(DemoUsers.Administrator, new DisableUserCommand(recorder));

        await RunJobAsync();

        var review = await ReviewOfAsync(consent);
        var manager = await UserIdAsync(DemoUsers.PoliceManager);
        (await NoticesAsync()).Where(n => n.ReviewId == review.Id).Select(n => (n.UserId, n.Kind))
            .Should().BeEquivalentTo([(manager, NotificationKind.ReviewDue)]);
    }

    [Fact]
    public async Task Run_RecorderMovedToAnotherAgency_RemindsTheRecordingAgencysManagersInstead()
    {
        var person = await RegisterAsync();
        var consent = await RecordAsync(person, Scheme.Iom, new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 29));
        await _factory.QueryDbAsync(db => db.Users.Where(u => u.Email == Recorder).ExecuteUpdateAsync(s => s.SetProperty(u => u.AgencyCode, "PROBATION")));

        await RunJobAsync();

        var review = await ReviewOfAsync(consent);
        var policeManager = await UserIdAsync(DemoUsers.PoliceManager);
        (await NoticesAsync()).Where(n => n.ReviewId == review.Id).Select(n => n.UserId).Should().Equal(policeManager);
    }

    [Fact]
    public async Task Run_ConsentReviewOverdue_TellsTheRecorderAndEscalatesToTheManagersByEmailWithoutTheName()
    {
        var person = await RegisterAsync("Overdueconsent");
        var consent = await RecordAsync(person, Scheme.Iom, new DateOnly(2025, 11, 20), new DateOnly(2026, 11, 20));

        await RunJobAsync();

        var recorder = await UserIdAsync(Recorder);
        var manager = await UserIdAsync(DemoUsers.PoliceManager);
        var review = await ReviewOfAsync(consent);
        (await NoticesAsync()).Where(n => n.ReviewId == review.Id).Select(n => (n.UserId, n.Kind, n.PeriodKey))
            .Should().BeEquivalentTo([(recorder, NotificationKind.ReviewOverdue, "2026-11-26"), (manager, NotificationKind.Escalation, "P0")]);
        var mail = MailTo(DemoUsers.PoliceManager);
        mail.Should().Contain($"consent {consent.Id}").And.Contain("a POLICE Integrated Offender Management consent review has been overdue since 20 November 2026");
        mail.Should().NotContain("Overdueconsent");
    }

    [Fact]
    public async Task Run_TwiceOnOneDay_RecordsAndSendsNothingTwice()
    {
        var person = await RegisterAsync();
        await RecordAsync(person, Scheme.Iom, new DateOnly(2025, 11, 20), new DateOnly(2026, 11, 20));
        await RecordAsync(person, Scheme.AdultTreatment, new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 29));

        await RunJobAsync();
        var notices = await NoticesAsync();
        var mails = MailCount();
        await RunJobAsync();

        notices.Where(n => n.ReviewKind == ReviewKind.Consent).Should().HaveCountGreaterThanOrEqualTo(3);
        (await NoticesAsync()).Should().HaveCount(notices.Count);
        MailCount().Should().Be(mails);
        var digests = await _factory.QueryDbAsync(db => db.NotificationDigests.AsNoTracking().ToListAsync());
        digests.Should().HaveCount(mails).And.OnlyContain(d => d.SentAt != null);
    }

    [Fact]
    public async Task ListReviews_AllocatedToMe_ShowsTheConsentReviewsTheCallerRecorded()
    {
        var person = await RegisterAsync();
        var consent = await RecordAsync(person, Scheme.Iom, new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 29));

        var mine = await _factory.SendAsAsync<Paged<ReviewListItem>>(Recorder, new ListReviewsQuery(AllocatedToMe: true, State: "Due"));
        var colleagues = await _factory.SendAsAsync<Paged<ReviewListItem>>(DemoUsers.PoliceCaseworker, new ListReviewsQuery(AllocatedToMe: true, State: "Due"));

        var item = mine.Items.Should().ContainSingle(i => i.ConsentId == consent.Id).Subject;
        item.Kind.Should().Be("Consent");
        item.CaseId.Should().BeNull();
        item.DueOn.Should().Be(new DateOnly(2026, 11, 29));
        item.AllocatedTo.Should().Be(await UserIdAsync(Recorder));
        colleagues.Items.Should().NotContain(i => i.ConsentId == consent.Id);
    }

    private async Task RunJobAsync() =>
        await _factory.Services.GetRequiredService<ReviewRemindersJob>().Run(CancellationToken.None);

    private Task<List<Notification>> NoticesAsync() =>
        _factory.QueryDbAsync(db => db.Notifications.AsNoTracking().ToListAsync());

    private Task<List<Review>> ConsentReviewsAsync() =>
        _factory.QueryDbAsync(db => db.Reviews.AsNoTracking().Where(r => r.Kind == ReviewKind.Consent).ToListAsync());

    private Task<Review> ReviewOfAsync(ConsentView consent) =>
        _factory.QueryDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.ConsentId == new ConsentId(consent.Id)));

    private async Task<Guid> UserIdAsync(string email) => (await _factory.ActorForAsync(email)).UserId!.Value;

    private int MailCount() => Directory.Exists(_factory.MailFolder) ? Directory.GetFiles(_factory.MailFolder, "*.eml").Length : 0;

    private string MailTo(string email) =>
        Directory.GetFiles(_factory.MailFolder, "*.eml").Select(file => MimeKit.MimeMessage.Load(file))
            .Single(mail => mail.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase))).TextBody ?? string.Empty;

    private async Task<PersonId> RegisterAsync(string familyName = "Consenting")
    {
        var person = await _factory.SendAsAsync<PersonDetailsView>(Recorder, new RegisterPersonCommand("Test", familyName, new DateOnly(1990, 1, 1)));
        return new PersonId(person.Id);
    }

    private Task<ConsentView> RecordAsync(PersonId person, Scheme purpose, DateOnly recordedOn, DateOnly? reviewOn, ConsentStatus status = ConsentStatus.Given, string by = Recorder) =>
        _factory.SendAsAsync<ConsentView>(by, new RecordConsentCommand(
            person, purpose, ["PROBATION"], [DataCategory.Offending], status, ConsentGivenBy.Self, recordedOn, reviewOn, "Signed form"));
}
