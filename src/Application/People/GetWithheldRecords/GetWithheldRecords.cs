using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.People.GetWithheldRecords;

/// <summary>
/// What a reader may know of records on a person they can see but that are not shared with them: which agencies
/// hold them, so they can ask (IS1 "seek advice"). Only categories the partnership allows to be disclosed are
/// counted; by default nothing is said of health or victim-sensitive records.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetWithheldRecordsQuery(PersonId PersonId) : IQuery<IReadOnlyList<WithheldRecords>>;

public sealed record WithheldRecords(string AgencyCode, string AgencyName, int Records);

public sealed class GetWithheldRecordsHandler(IAppDbContext db, IRecordAccess access, PersonGate gate, IOptions<PartnershipOptions> options)
    : IQueryHandler<GetWithheldRecordsQuery, IReadOnlyList<WithheldRecords>>
{
    public async ValueTask<IReadOnlyList<WithheldRecords>> Handle(GetWithheldRecordsQuery query, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(query.PersonId, "person.withheld", cancellationToken);
        var disclosable = options.Value.DiscloseWithheldCategories;
        var readable = access.Readable(db.Cases);
        var held = await db.Cases.AsNoTracking()
            .Where(c => c.PersonId == query.PersonId && disclosable.Contains(c.DataCategory) && !readable.Any(r => r.Id == c.Id))
            .GroupBy(c => c.OwnerAgency)
            .Select(g => new { Agency = g.Key, Records = g.Count() })
            .ToListAsync(cancellationToken);
        var codes = held.Select(h => h.Agency).ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        return held.Select(h => new WithheldRecords(h.Agency.Value, names.GetValueOrDefault(h.Agency, h.Agency.Value), h.Records))
            .OrderBy(h => h.AgencyName)
            .ToList();
    }
}
