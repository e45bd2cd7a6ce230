using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Auditing.SearchAudit;

/// <summary>
/// The audit trail for the information governance lead: by person, user, agency and date, newest first.
/// <see cref="SharedOnly"/> keeps the cross-agency disclosures: who shared what with whom, and under which rule.
/// </summary>
[RequiresPolicy(Policies.InformationGovernance)]
public sealed record SearchAuditQuery(
    Guid? PersonId = null,
    Guid? UserId = null,
    string? AgencyCode = null,
    DateOnly? From = null,
    DateOnly? To = null,
    bool SharedOnly = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<Paged<AuditEntryView>>, IPagedRequest;

public sealed class SearchAuditValidator : AbstractValidator<SearchAuditQuery>
{
    public SearchAuditValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.AgencyCode).Must(code => string.IsNullOrEmpty(code) || Domain.Agencies.AgencyCode.TryParse(code, out _))
            .WithMessage("Agency code is not valid");
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("The end date must be on or after the start date");
    }
}

public sealed class SearchAuditHandler(IAppDbContext db, PartnershipClock clock, IAuditTrail audit) : IQueryHandler<SearchAuditQuery, Paged<AuditEntryView>>
{
    private static readonly AccessRule[] SharedRules = [AccessRule.SharingAgreement, AccessRule.Consent, AccessRule.BreakGlass];

    public async ValueTask<Paged<AuditEntryView>> Handle(SearchAuditQuery query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (query.PersonId is { } personId)
        {
            entries = entries.Where(e => e.SubjectPersonId == personId);
        }

        if (query.UserId is { } userId)
        {
            entries = entries.Where(e => e.ActorUserId == userId);
        }

        if (!string.IsNullOrEmpty(query.AgencyCode))
        {
            AgencyCode? agency = Domain.Agencies.AgencyCode.Parse(query.AgencyCode);
            entries = entries.Where(e => e.ActorAgency == agency || e.OwnerAgency == agency);
        }

        if (query.From is { } from)
        {
            var start = StartOf(from);
            entries = entries.Where(e => e.At >= start);
        }

        if (query.To is { } to)
        {
            var end = StartOf(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }

        if (query.SharedOnly)
        {
            entries = entries.Where(e => SharedRules.Contains(e.Rule));
        }

        var page = await entries.OrderByDescending(e => e.Sequence).ToPagedAsync(query, cancellationToken);
        audit.Record("audit.search", AuditOutcome.Allowed, AccessRule.Role,
            query.PersonId is { } subject ? new AuditSubject("Person", subject.ToString(), subject) : null,
            $"person {query.PersonId}, user {query.UserId}, agency {query.AgencyCode}, {query.From}–{query.To}, shared only {query.SharedOnly}: {page.Total} found");
        await db.SaveChangesAsync(cancellationToken);
        return new Paged<AuditEntryView>(page.Items.Select(AuditEntryView.From).ToList(), page.Page, page.PageSize, page.Total);
    }

    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
