using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Outcomes.ListEducation;

/// <summary>A person's education records that the reader may see, most recent first.</summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ListEducationQuery(PersonId PersonId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<Paged<EducationRecordView>>, IPagedRequest;

public sealed class ListEducationValidator : AbstractValidator<ListEducationQuery>
{
    public ListEducationValidator() => this.AddPagingRules();
}

public sealed class ListEducationHandler(IAppDbContext db, IRecordAccess access, PersonGate gate, IAuditTrail audit)
    : IQueryHandler<ListEducationQuery, Paged<EducationRecordView>>
{
    public async ValueTask<Paged<EducationRecordView>> Handle(ListEducationQuery query, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(query.PersonId, "education.list", cancellationToken);
        var page = await access.Readable(db.EducationRecords.AsNoTracking())
            .Where(r => r.PersonId == query.PersonId)
            .OrderByDescending(r => r.Day).ThenByDescending(r => r.Id)
            .ToPagedAsync(query, cancellationToken);
        var ids = page.Items.Select(r => r.Id).ToList();
        var explanations = await access.ExplainAndAuditAsync(audit, db.EducationRecords.AsNoTracking().Where(r => ids.Contains(r.Id)), r => r.Id,
            "education.read", id => new AuditSubject("EducationRecord", id.ToString(), query.PersonId.Value, page.Items.First(r => r.Id == id).OwnerAgency), cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return new Paged<EducationRecordView>(page.Items.Select(r => EducationRecordView.From(r, explanations.GetValueOrDefault(r.Id))).ToList(), page.Page, page.PageSize, page.Total);
    }
}
