using CaseManager.Application.Cases;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Reviews;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Reviews.ListReviews;

/// <summary>
/// Open reviews the caller may see (the record access rule applies in SQL, <see cref="ReadableReviews"/>), soonest
/// due first: a caseworker's own (<c>allocatedToMe</c>) by state, or a manager's view of their agency's overdue
/// reviews (<c>ownerAgency</c> and <c>state=Overdue</c>). A case review is the allocated worker's; a consent review,
/// which has no case, is the worker's who recorded the consent; either only while they work for its owning agency.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ListReviewsQuery(
    bool AllocatedToMe = false,
    string? State = null,
    string? OwnerAgency = null,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<Paged<ReviewListItem>>, IPagedRequest;

public sealed record ReviewListItem(
    Guid Id,
    Guid? CaseId,
    Guid? ConsentId,
    Guid? PersonId,
    string? PersonName,
    string Scheme,
    [property: NamesOf(typeof(ReviewKind))] string Kind,
    DateOnly DueOn,
    [property: NamesOf(typeof(ReviewState))] string State,
    string OwnerAgency,
    string DataCategory,
    Guid? AllocatedTo,
    RecordAccessExplanation? Access,
    Guid? HouseholdId = null);

public sealed class ListReviewsValidator : AbstractValidator<ListReviewsQuery>
{
    public ListReviewsValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.State).Must(s => Enum.TryParse<ReviewState>(s, ignoreCase: true, out var state) && Enum.IsDefined(state))
            .When(q => q.State is not null).WithMessage("State is Upcoming, Due or Overdue");
        RuleFor(q => q.OwnerAgency).Must(code => AgencyCode.TryParse(code, out _)).When(q => q.OwnerAgency is not null).WithMessage("Unknown agency code");
    }
}

public sealed class ListReviewsHandler(
    IAppDbContext db,
    IRecordAccess access,
    ICurrentUser currentUser,
    IAuditTrail audit,
    CaseNames names,
    PartnershipClock clock,
    IOptions<ReviewOptions> options) : IQueryHandler<ListReviewsQuery, Paged<ReviewListItem>>
{
    public async ValueTask<Paged<ReviewListItem>> Handle(ListReviewsQuery query, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var window = options.Value.ReminderWindowDays;
        ReviewState? wanted = query.State is null ? null : Enum.Parse<ReviewState>(query.State, ignoreCase: true);
        var rows = ReviewLists.Rows(
            db, access, currentUser.Actor, today, window, query.AllocatedToMe, wanted, query.OwnerAgency is null ? null : AgencyCode.Parse(query.OwnerAgency));
        var page = await rows.OrderBy(x => x.Review.DueOn).ThenBy(x => x.Review.Id).ToPagedAsync(query, cancellationToken);
        var people = await names.PeopleAsync(page.Items.Where(x => x.Review.PersonId is not null).Select(x => x.Review.PersonId!.Value).ToList(), cancellationToken);
        // One batch explains and audits every shared review of the page, whatever the page size.
        var byId = page.Items.ToDictionary(x => x.Review.Id, x => x.Review);
        var ids = byId.Keys.ToList();
        var explanations = await access.ExplainAndAuditAsync(audit, db.Reviews.AsNoTracking().Where(r => ids.Contains(r.Id)), r => r.Id,
            "review.list-result", id => new AuditSubject("Review", id.ToString(), byId[id].PersonId?.Value, byId[id].OwnerAgency), cancellationToken);
        var items = page.Items.Select(row => new ReviewListItem(
            row.Review.Id.Value,
            row.Review.CaseId?.Value,
            row.Review.ConsentId?.Value,
            row.Review.PersonId?.Value,
            row.Review.PersonId is { } person ? people.GetValueOrDefault(person) : null,
            row.Review.Scheme.ToString(),
            row.Review.Kind.ToString(),
            row.Review.DueOn,
            ReviewSchedule.StateOn(row.Review.DueOn, today, window).ToString(),
            row.Review.OwnerAgency.Value,
            row.Review.DataCategory.ToString(),
            row.Responsible,
            explanations.GetValueOrDefault(row.Review.Id),
            row.Review.HouseholdId?.Value)).ToList();

        audit.Record("review.list", AuditOutcome.Allowed, AccessRule.Owner, detail: $"{page.Total} reviews, page {page.Page}");
        await db.SaveChangesAsync(cancellationToken);
        return new Paged<ReviewListItem>(items, page.Page, page.PageSize, page.Total);
    }
}
