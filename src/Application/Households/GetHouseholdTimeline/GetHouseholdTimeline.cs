using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Application.People.GetTimeline;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Households.GetHouseholdTimeline;

/// <summary>
/// The family's timeline (API.md "Households and families", DOMAIN.md FAM1, FAM2): every agency's work with any member
/// while they were a member, and the household's own family cases and family-level records, as the access rule allows
/// (IS7, IS7b), newest first, in the person timeline's shape with <see cref="TimelineEntry.PersonId"/>. A member whose
/// person record the reader may not see is left out with all their records and is not counted. Filters: one member
/// (<see cref="PersonId"/>; a person who is not a member the reader may see gives an empty page) and one owning agency.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetHouseholdTimelineQuery(
    HouseholdId HouseholdId, PersonId? PersonId = null, string? Agency = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<Paged<TimelineEntry>>, IPagedRequest;

public sealed class GetHouseholdTimelineValidator : AbstractValidator<GetHouseholdTimelineQuery>
{
    public GetHouseholdTimelineValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.Agency).Must(a => a is null || AgencyCode.TryParse(a, out _)).WithMessage("Enter an agency code such as FIT or HOUSING");
    }
}

public sealed class GetHouseholdTimelineHandler(HouseholdReads reads, TimelineReader timeline, ICurrentUser currentUser)
    : IQueryHandler<GetHouseholdTimelineQuery, Paged<TimelineEntry>>
{
    public async ValueTask<Paged<TimelineEntry>> Handle(GetHouseholdTimelineQuery query, CancellationToken cancellationToken)
    {
        var household = await reads.ViewAsync(query.HouseholdId, "household.timeline", cancellationToken);
        // The memberships of the people the reader may see, chosen in SQL (HouseholdReads): the others give no window.
        var windows = household.Members
            .Where(m => query.PersonId is not { } only || m.PersonId == only.Value)
            .Select(m => new TimelineWindow(new PersonId(m.PersonId), m.From, m.To))
            .ToList();
        var scope = new TimelineScope(
            windows,
            query.PersonId is null ? query.HouseholdId : null,
            query.Agency is { } agency ? AgencyCode.Parse(agency) : null);
        return await timeline.ReadAsync(
            scope,
            query,
            new TimelineAudit("household.timeline", "household.timeline-entry", HouseholdReads.RuleFor(household, currentUser.Actor),
                new AuditSubject("Household", household.Id.ToString())),
            cancellationToken);
    }
}
