using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Reviews.ScheduleConsentReviews;

/// <summary>
/// The first step of the daily <c>review-reminders</c> job, run as the system actor: gives every given consent that
/// has no review yet its review, due on the consent's review date. Consents recorded since consent reviews exist get
/// theirs when they are recorded; this catches the ones recorded before (and any written round the command). It
/// reads the consents page by page, keyed on id, and inserts each page's reviews only if absent: the unique index on
/// the review's consent makes any number of runs, one after another or at once, leave one review per consent.
/// One transaction: a run killed half way adds nothing.
/// </summary>
[RequiresPolicy(Policies.SystemJob)]
public sealed record ScheduleConsentReviewsCommand : ICommand<ConsentReviewsScheduled>;

public sealed record ConsentReviewsScheduled(int ConsentsWithoutReview, int ReviewsAdded);

public sealed class ScheduleConsentReviewsHandler(
    IAppDbContext db,
    IReviewStore store,
    IAuditTrail audit,
    PartnershipClock clock,
    IOptions<ReviewOptions> options) : ICommandHandler<ScheduleConsentReviewsCommand, ConsentReviewsScheduled>
{
    public async ValueTask<ConsentReviewsScheduled> Handle(ScheduleConsentReviewsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        int found = 0, added = 0;
        ConsentId? lastId = null;
        while (true)
        {
            var query = db.Consents.AsNoTracking()
                .Where(c => c.Status == ConsentStatus.Given && !db.Reviews.Any(r => r.ConsentId == c.Id));
            if (lastId is { } after)
            {
                query = query.Where(c => c.Id.CompareTo(after) > 0);
            }

            var page = await query.OrderBy(c => c.Id).Take(options.Value.JobPageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            found += page.Count;
            lastId = page[^1].Id;
            added += await store.AddIfAbsentAsync(page.Select(c => Review.ScheduleFor(c, now)).ToList(), cancellationToken);
        }

        if (found > 0)
        {
            audit.Record("review.consent-reviews", AuditOutcome.Allowed, AccessRule.System, new AuditSubject("ConsentReviews", clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                $"{found} given consents without a review, {added} reviews added");
        }

        return new ConsentReviewsScheduled(found, added);
    }
}
