using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.People.GetTimeline;

/// <summary>
/// Everything on a person's cases that the reader may see, newest first (API.md timeline): case events,
/// interventions and offences. Each source is read through the access rule in SQL and only the newest
/// page-worth of each is loaded; they are then merged by date.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetTimelineQuery(PersonId PersonId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<Paged<TimelineEntry>>, IPagedRequest;

/// <summary>One event, of <see cref="PersonId"/> (null for a family case's own events and records). <see cref="Kind"/>: CaseStarted, ExitNominated, ExitApproved, ExitRejected, Intervention, Offence, TreatmentIntervention, Top, Asb, Education, Employment, LocalCriterion.</summary>
public sealed record TimelineEntry(
    [property: NamesOf("CaseStarted", "ExitNominated", "ExitApproved", "ExitRejected", "Intervention", "Offence", "TreatmentIntervention", "Top", "Asb", "Education", "Employment", "LocalCriterion")] string Kind,
    Guid RecordId,
    DateTimeOffset At,
    DateOnly Date,
    string Title,
    string? Detail,
    Guid? CaseId,
    [property: NamesOf(typeof(Scheme))] string? Scheme,
    string OwnerAgency,
    string DataCategory,
    string? By,
    RecordAccessExplanation? Access,
    Guid? PersonId = null);

public sealed class GetTimelineValidator : AbstractValidator<GetTimelineQuery>
{
    public GetTimelineValidator() => this.AddPagingRules();
}

public sealed class GetTimelineHandler(PersonGate gate, TimelineReader timeline)
    : IQueryHandler<GetTimelineQuery, Paged<TimelineEntry>>
{
    public async ValueTask<Paged<TimelineEntry>> Handle(GetTimelineQuery query, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(query.PersonId, "person.timeline", cancellationToken);
        return await timeline.ReadAsync(
            TimelineScope.OfPerson(query.PersonId),
            query,
            new TimelineAudit("person.timeline", "person.timeline-entry", AccessRule.Owner, new AuditSubject("Person", query.PersonId.ToString(), query.PersonId.Value)),
            cancellationToken);
    }
}
