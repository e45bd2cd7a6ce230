using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Users;
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

public sealed class SearchAuditHandler(IAppDbContext db, PartnershipClock clock, IAuditTrail audit, IUserDirectory users) : IQueryHandler<SearchAuditQuery, Paged<AuditEntryView>>
{
    public async ValueTask<Paged<AuditEntryView>> Handle(SearchAuditQuery query, CancellationToken cancellationToken)
    {
        var entries = AuditFilter.Apply(db.AuditEntries.AsNoTracking(), clock, query.PersonId, query.UserId, query.AgencyCode, query.From, query.To, query.SharedOnly);
        var page = await entries.OrderByDescending(e => e.Sequence).ToPagedAsync(query, cancellationToken);
        audit.Record("audit.search", AuditOutcome.Allowed, AccessRule.Role,
            query.PersonId is { } subject ? new AuditSubject("Person", subject.ToString(), subject) : null,
            $"{AuditFilter.Describe(query.PersonId, query.UserId, query.AgencyCode, query.From, query.To, query.SharedOnly)}: {page.Total} found");
        await db.SaveChangesAsync(cancellationToken);
        var items = await AuditEntryView.NamedAsync(page.Items, db, users, cancellationToken);
        return new Paged<AuditEntryView>(items, page.Page, page.PageSize, page.Total);
    }
}
