using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Auditing.VerifyAuditChain;

/// <summary>
/// Recomputes the hash chain of the whole audit trail, a batch at a time, and reports the first entry whose hash
/// or link to the previous entry is wrong: an altered, inserted or removed row shows up there.
/// </summary>
[RequiresPolicy(Policies.InformationGovernance)]
public sealed record VerifyAuditChainQuery : IQuery<AuditChainReport>;

public sealed record AuditChainReport(bool Valid, long Entries, long? FirstInvalidEntry);

public sealed class VerifyAuditChainHandler(IAppDbContext db, IAuditTrail audit) : IQueryHandler<VerifyAuditChainQuery, AuditChainReport>
{
    private const int BatchSize = 2000;

    public async ValueTask<AuditChainReport> Handle(VerifyAuditChainQuery query, CancellationToken cancellationToken)
    {
        var previous = AuditChain.Genesis;
        long checkedEntries = 0;
        long? firstInvalid = null;
        long after = 0;
        while (firstInvalid is null)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var entry in batch)
            {
                checkedEntries++;
                if (entry.PreviousHash != previous || AuditChain.HashOf(entry, previous) != entry.Hash)
                {
                    firstInvalid = entry.Sequence;
                    break;
                }

                previous = entry.Hash;
            }

            after = batch[^1].Sequence;
        }

        var report = new AuditChainReport(firstInvalid is null, checkedEntries, firstInvalid);
        audit.Record("audit.verify", report.Valid ? AuditOutcome.Allowed : AuditOutcome.Failed, AccessRule.Role,
            detail: report.Valid ? $"{checkedEntries} entries verified" : $"First invalid entry {firstInvalid}");
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }
}
