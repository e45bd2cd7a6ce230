using CaseManager.Application.Cases;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Users;
using CaseManager.Domain.Cases;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Interventions.ListInterventions;

/// <summary>The work on one case that the reader may see, newest first (the rule is applied to each entry in SQL).</summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ListInterventionsQuery(CaseId CaseId, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<Paged<InterventionView>>, IPagedRequest;

public sealed class ListInterventionsValidator : AbstractValidator<ListInterventionsQuery>
{
    public ListInterventionsValidator() => this.AddPagingRules();
}

public sealed class ListInterventionsHandler(IAppDbContext db, IRecordAccess access, CaseGate gate, IUserDirectory users, IAuditTrail audit)
    : IQueryHandler<ListInterventionsQuery, Paged<InterventionView>>
{
    public async ValueTask<Paged<InterventionView>> Handle(ListInterventionsQuery query, CancellationToken cancellationToken)
    {
        await gate.ReadableAsync(query.CaseId, "intervention.list", cancellationToken);
        var page = await access.Readable(db.Interventions.AsNoTracking())
            .Where(i => i.CaseId == query.CaseId)
            .OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id)
            .ToPagedAsync(query, cancellationToken);

        var names = await users.DisplayNamesAsync(page.Items.Select(i => i.RecordedBy).ToList(), cancellationToken);
        var byId = page.Items.ToDictionary(i => i.Id);
        var ids = byId.Keys.ToList();
        var explanations = await access.ExplainAndAuditAsync(audit, db.Interventions.AsNoTracking().Where(i => ids.Contains(i.Id)), i => i.Id,
            "intervention.read", id => new AuditSubject("Intervention", id.ToString(), byId[id].PersonId.Value, byId[id].OwnerAgency), cancellationToken);
        var items = page.Items.Select(work => InterventionView.From(work, names.GetValueOrDefault(work.RecordedBy), explanations.GetValueOrDefault(work.Id))).ToList();

        await db.SaveChangesAsync(cancellationToken);
        return new Paged<InterventionView>(items, page.Page, page.PageSize, page.Total);
    }
}
