using CaseManager.Application.Consents;
using CaseManager.Application.Consents.RecordConsent;
using CaseManager.Application.Consents.WithdrawConsent;
using CaseManager.Application.Jobs.TriggerRecurringJob;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Application.Reviews.CompleteReview;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.People;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application.IntegrationTests;

/// <summary>A host that reads one review, and one consent, per page.</summary>
public sealed class OnePerPageFactory : CaseManagerFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Reviews:JobPageSize", "1")];
}

/// <summary>
/// Consents recorded before consent reviews existed have no review row: the review-reminders job gives each given
/// one its review, one page at a time, and any number of runs leave one review per consent.
/// </summary>
public sealed class ConsentReviewBackfillTests : IAsyncLifetime
{
    private readonly OnePerPageFactory _factory = new();

    public Task InitializeAsync()
    {
        _ = _factory.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Run_WithGivenConsentsWithoutReviews_GivesEachOneReviewOnItsReviewDateOnce()
    {
        var person = await RegisterAsync();
        var due = await RecordAsync(person, Scheme.Iom, new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 29));
        var later = await RecordAsync(person, Scheme.AdultTreatment, new DateOnly(2026, 6, 1), null);
        var refused = await RecordAsync(person, Scheme.Fit, new DateOnly(2026, 6, 1), null, ConsentStatus.Refused);
        var withdrawn = await RecordAsync(person, Scheme.TroubledFamilies, new DateOnly(2026, 6, 1), null);
        await _factory.SendAsAsync<ConsentView>(DemoUsers.PoliceCaseworker, new WithdrawConsentCommand(person, new ConsentId(withdrawn.Id), null));
        var reviewed = await RecordAsync(person, Scheme.HighImpactHousehold, new DateOnly(2026, 6, 1), null);
        var reviewedReview = await _factory.QueryDbAsync(db => db.Reviews.Where(r => r.ConsentId == new ConsentId(reviewed.Id)).Select(r => r.Id).SingleAsync());
        await _factory.SendAsAsync<CompletedReview>(DemoUsers.PoliceCaseworker, new CompleteReviewCommand(reviewedReview, new DateOnly(2026, 11, 1), "Spoke to him; consent stands"));
        ConsentId? keep = new ConsentId(reviewed.Id);
        var removed = await _factory.QueryDbAsync(db => db.Reviews
            .Where(r => r.Kind == ReviewKind.Consent && r.ConsentId != keep)
            .ExecuteDeleteAsync());

        await RunJobAsync();
        var afterFirst = await ConsentReviewsAsync();
        await RunJobAsync();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(RunJobAsync)));

        removed.Should().Be(5, "the two demo consents' reviews, two of these consents' and the withdrawn one's (cancelled) go");
        var reviews = await ConsentReviewsAsync();
        reviews.Should().BeEquivalentTo(afterFirst, o => o.Including(r => r.Id).Including(r => r.ConsentId).Including(r => r.DueOn).Including(r => r.Status));
        reviews.GroupBy(r => r.ConsentId).Should().OnlyContain(g => g.Count() == 1);
        var given = await _factory.QueryDbAsync(db => db.Consents.Where(c => c.Status == ConsentStatus.Given).Select(c => new { c.Id, c.ReviewOn }).ToListAsync());
        reviews.Select(r => (r.ConsentId!.Value, r.DueOn)).Should().BeEquivalentTo(given.Select(c => (c.Id, c.ReviewOn)));
        reviews.Should().NotContain(r => r.ConsentId == new ConsentId(refused.Id) || r.ConsentId == new ConsentId(withdrawn.Id));
        reviews.Single(r => r.ConsentId == new ConsentId(reviewed.Id)).Status.Should().Be(ReviewStatus.Completed, "a consent is reviewed once");
        reviews.Single(r => r.ConsentId == new ConsentId(due.Id)).Status.Should().Be(ReviewStatus.Open);
        reviews.Single(r => r.ConsentId == new ConsentId(later.Id)).DueOn.Should().Be(new DateOnly(2027, 6, 1));
        (await _factory.AuditCountAsync("review.consent-reviews")).Should().Be(1, "only the first run found consents without a review");
        var recorder = (await _factory.ActorForAsync(DemoUsers.PoliceCaseworker)).UserId!.Value;
        var dueReview = reviews.Single(r => r.ConsentId == new ConsentId(due.Id)).Id;
        (await _factory.QueryDbAsync(db => db.Notifications.Where(n => n.ReviewId == dueReview).Select(n => n.UserId).ToListAsync()))
            .Should().Equal(recorder);
    }

    private async Task RunJobAsync() =>
        await _factory.Services.GetRequiredService<ReviewRemindersJob>().Run(CancellationToken.None);

    private Task<List<Review>> ConsentReviewsAsync() =>
        _factory.QueryDbAsync(db => db.Reviews.AsNoTracking().Where(r => r.Kind == ReviewKind.Consent).ToListAsync());

    private async Task<PersonId> RegisterAsync()
    {
        var person = await _factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Test", "Backfilled", new DateOnly(1990, 1, 1)));
        return new PersonId(person.Id);
    }

    private Task<ConsentView> RecordAsync(PersonId person, Scheme purpose, DateOnly recordedOn, DateOnly? reviewOn, ConsentStatus status = ConsentStatus.Given) =>
        _factory.SendAsAsync<ConsentView>(DemoUsers.PoliceCaseworker, new RecordConsentCommand(
            person, purpose, ["PROBATION"], [DataCategory.Offending], status, ConsentGivenBy.Self, recordedOn, reviewOn, null));
}

/// <summary>The review-reminders job with consent reviews, processed by a Hangfire server with four workers.</summary>
[Collection(nameof(HangfireProcessing))]
public sealed class ConsentReviewJobProcessingTests : IAsyncLifetime
{
    private readonly ReviewProcessingFactory _factory = new();

    public Task InitializeAsync()
    {
        _ = _factory.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Trigger_ManyTimesAtOnceAndAgain_WithConsentsWithoutReviews_BackfillsAndRemindsExactlyOnce()
    {
        var person = await _factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Test", "Hangfired", new DateOnly(1990, 1, 1)));
        var consents = new List<ConsentView>();
        foreach (var (purpose, reviewOn) in new[] { (Scheme.Iom, new DateOnly(2026, 11, 29)), (Scheme.AdultTreatment, new DateOnly(2026, 11, 10)) })
        {
            consents.Add(await _factory.SendAsAsync<ConsentView>(DemoUsers.PoliceCaseworker, new RecordConsentCommand(
                new PersonId(person.Id), purpose, ["PROBATION"], [DataCategory.Offending], ConsentStatus.Given, ConsentGivenBy.Self, new DateOnly(2025, 11, 1), reviewOn, null)));
        }

        await _factory.QueryDbAsync(db => db.Reviews.Where(r => r.Kind == ReviewKind.Consent).ExecuteDeleteAsync());

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => TriggerAsync()));
        await WaitForRunsAsync(1);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await TriggerAsync();
        await WaitForRunsAsync(2);

        var reviews = await _factory.QueryDbAsync(db => db.Reviews.AsNoTracking().Where(r => r.Kind == ReviewKind.Consent).ToListAsync());
        var givenCount = await _factory.QueryDbAsync(db => db.Consents.CountAsync(c => c.Status == ConsentStatus.Given));
        reviews.Should().HaveCount(givenCount).And.OnlyHaveUniqueItems(r => r.ConsentId);
        var notices = await _factory.QueryDbAsync(db => db.Notifications.AsNoTracking().ToListAsync());
        var recorder = (await _factory.ActorForAsync(DemoUsers.PoliceCaseworker)).UserId;
        var manager = (await _factory.ActorForAsync(DemoUsers.PoliceManager)).UserId;
        var dueReview = reviews.Single(r => r.ConsentId == new ConsentId(consents[0].Id)).Id;
        var overdueReview = reviews.Single(r => r.ConsentId == new ConsentId(consents[1].Id)).Id;
        notices.Where(n => n.ReviewId == dueReview).Select(n => (n.UserId, n.Kind)).Should().BeEquivalentTo([(recorder, NotificationKind.ReviewDue)]);
        notices.Where(n => n.ReviewId == overdueReview).Select(n => (n.UserId, n.Kind))
            .Should().BeEquivalentTo([(recorder, NotificationKind.ReviewOverdue), (manager, NotificationKind.Escalation)]);
        notices.GroupBy(n => (n.UserId, n.Kind, n.ReviewId, n.PeriodKey)).Should().OnlyContain(g => g.Count() == 1);
        var digests = await _factory.QueryDbAsync(db => db.NotificationDigests.AsNoTracking().ToListAsync());
        digests.Should().HaveCount(notices.Select(n => n.UserId).Distinct().Count()).And.OnlyContain(d => d.SentAt != null);
        Directory.GetFiles(_factory.MailFolder, "*.eml").Should().HaveCount(digests.Count);
    }

    private async Task TriggerAsync() =>
        await _factory.SendAsAsync<Unit>(DemoUsers.Administrator, new TriggerRecurringJobCommand("review-reminders"));

    private async Task WaitForRunsAsync(int runs)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (await _factory.AuditCountAsync("review.reminders") >= runs
                && await _factory.QueryDbAsync(db => db.NotificationDigests.AllAsync(d => d.SentAt != null)))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        throw new TimeoutException("The Hangfire server did not run the job within the wait");
    }
}
