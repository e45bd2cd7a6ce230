using System.Buffers.Binary;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Claims.SpotCheckClaim;

/// <summary>
/// The government's spot check (DOMAIN.md TF5): a random sample of about 10% (<c>TroubledFamilies:SpotCheckShare</c>,
/// at least one line) of a submitted claim's lines, each with its evidence. The sample is seeded from the claim's
/// id, so the same claim always gives the same sample.
/// </summary>
[RequiresPolicy(Policies.Claims)]
public sealed record SpotCheckClaimQuery(ClaimId ClaimId) : IQuery<SpotCheck>;

public sealed record SpotCheck(Guid ClaimId, int Phase, [property: NamesOf(typeof(ClaimKind))] string Kind, string Window, int SubmittedLines, decimal Share, IReadOnlyList<ClaimLineDetails> Sample);

public sealed class SpotCheckClaimHandler(ClaimReads reads, IAppDbContext db, IAuditTrail audit, IOptions<ClaimOptions> options) : IQueryHandler<SpotCheckClaimQuery, SpotCheck>
{
    public async ValueTask<SpotCheck> Handle(SpotCheckClaimQuery query, CancellationToken cancellationToken)
    {
        var claim = await reads.GetAsync(query.ClaimId, cancellationToken);
        if (claim.Status != ClaimStatus.Submitted)
        {
            throw new DomainRuleException("claims.not-submitted", "Only a submitted claim is spot checked");
        }

        var submitted = await db.ClaimLines.AsNoTracking()
            .Where(l => l.ClaimId == claim.Id && l.Status == ClaimLineStatus.Validated)
            .OrderBy(l => l.Id)
            .Select(l => l.Id)
            .ToListAsync(cancellationToken);
        var share = options.Value.SpotCheckShare;
        var chosen = Sample(submitted, share, claim.Id);
        var lines = await db.ClaimLines.AsNoTracking().Where(l => chosen.Contains(l.Id)).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        audit.Record("claim.spot-check", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("Claim", claim.Id.ToString()),
            $"{lines.Count} of {submitted.Count} submitted lines sampled");
        await db.SaveChangesAsync(cancellationToken);
        return new SpotCheck(claim.Id.Value, claim.Phase, claim.Kind.ToString(), claim.Window, submitted.Count, share,
            [.. lines.Select(l => new ClaimLineDetails(ClaimReads.Item(l), claim.Status.ToString(), ClaimEvidence.FromJson(l.Evidence),
                l.EvidencePartlyHidden ? ClaimEvidence.PartlyHiddenNote : null))]);
    }

    /// <summary>
    /// A partial Fisher–Yates shuffle of the lines in id order, with a generator seeded from the claim id: the
    /// ceiling of the share of the lines (at least one), the same every time for the same claim.
    /// </summary>
    public static IReadOnlyList<ClaimLineId> Sample(IReadOnlyList<ClaimLineId> lines, decimal share, ClaimId claimId)
    {
        if (lines.Count == 0)
        {
            return [];
        }

        var size = Math.Clamp((int)Math.Ceiling(lines.Count * share), 1, lines.Count);
        var random = new Random(Seed(claimId));
        var pool = lines.ToArray();
        for (var i = 0; i < size; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool[..size];
    }

    /// <summary>
    /// The claim id's 16 bytes folded into 32 bits. All of them, not only the first: a version 7 id starts with its
    /// time, so claims made in the same moment would otherwise share a seed. <see cref="Random"/> with a seed gives
    /// the same sequence on every run of the same .NET, which is what makes the sample reproducible.
    /// </summary>
    private static int Seed(ClaimId claimId)
    {
        var bytes = claimId.Value.ToByteArray();
        var seed = 0;
        for (var i = 0; i < bytes.Length; i += 4)
        {
            seed ^= BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i, 4));
        }

        return seed;
    }
}
