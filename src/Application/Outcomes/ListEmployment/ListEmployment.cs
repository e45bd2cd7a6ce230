using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Outcomes.ListEmployment;

/// <summary>A person's employment and benefit spells that the reader may see, latest start first.</summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ListEmploymentQuery(PersonId PersonId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<Paged<EmploymentRecordView>>, IPagedRequest;

public sealed class ListEmploymentValidator : AbstractValidator<ListEmploymentQuery>
{
    public ListEmploymentValidator() => this.AddPagingRules();
}

public sealed class ListEmploymentHandler(IAppDbContext db, IRecordAccess access, PersonGate gate, IAuditTrail audit)
    : IQueryHandler<ListEmploymentQuery, Paged<EmploymentRecordView>>
{
    public async ValueTask<Paged<EmploymentRecordView>> Handle(ListEmploymentQuery query, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(query.PersonId, "employment.list", cancellationToken);
        var page = await access.Readable(db.EmploymentRecords.AsNoTracking())
            .Where(r => r.PersonId == query.PersonId)
            .OrderByDescending(r => r.From).ThenByDescending(r => r.Id)
            .ToPagedAsync(query, cancellationToken);
        var ids = page.Items.Select(r => r.Id).ToList();
        var explanations = await access.ExplainAndAuditAsync(audit, db.EmploymentRecords.AsNoTracking().Where(r => ids.Contains(r.Id)), r => r.Id,
            "employment.read", id => new AuditSubject("EmploymentRecord", id.ToString(), query.PersonId.Value, page.Items.First(r => r.Id == id).OwnerAgency), cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return new Paged<EmploymentRecordView>(page.Items.Select(r => EmploymentRecordView.Of(r, explanations.GetValueOrDefault(r.Id))).ToList(), page.Page, page.PageSize, page.Total);
    }
}
