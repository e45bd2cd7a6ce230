using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Persistence;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Common;
using CaseManager.Domain.Families;
using CaseManager.Domain.Households;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.Offending;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;
using CaseManager.Domain.Treatment;
using CaseManager.Infrastructure.Identity;
using CaseManager.Infrastructure.Persistence.Sharing;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CaseManager.Infrastructure.Persistence;

/// <summary>
/// The one database context: case data, identity, audit and data-protection keys share a database and so a
/// transaction. Provider-specific subclasses exist only to keep one migration set per provider.
/// </summary>
public abstract class CaseDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IAppDbContext, IDataProtectionKeyContext
{
    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<SharingAgreement> SharingAgreements => Set<SharingAgreement>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<BreakGlassGrant> BreakGlassGrants => Set<BreakGlassGrant>();

    // Not AsNoTracking: inside the access rule's subquery it would make the whole query untracked.
    public IQueryable<SharingRight> SharingRights => Set<SharingRight>();

    public IQueryable<CaseReader> CaseReaders => Set<CaseReader>();

    public IQueryable<SharingRightDerivation> SharingRightDerivations => Set<SharingRightDerivation>();

    public DbSet<Intervention> Interventions => Set<Intervention>();

    public DbSet<Offence> Offences => Set<Offence>();

    public DbSet<OffenceType> OffenceTypes => Set<OffenceType>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationDigest> NotificationDigests => Set<NotificationDigest>();

    public DbSet<Application.Common.Idempotency.IdempotencyRecord> IdempotencyRecords => Set<Application.Common.Idempotency.IdempotencyRecord>();

    public DbSet<TreatmentEpisode> TreatmentEpisodes => Set<TreatmentEpisode>();

    public DbSet<TreatmentIntervention> TreatmentInterventions => Set<TreatmentIntervention>();

    public DbSet<TopRecord> TopRecords => Set<TopRecord>();

    public DbSet<Domain.Reporting.ReferenceFigure> ReferenceFigures => Set<Domain.Reporting.ReferenceFigure>();

    public DbSet<AsbRecord> AsbRecords => Set<AsbRecord>();

    public DbSet<EducationRecord> EducationRecords => Set<EducationRecord>();

    public DbSet<EmploymentRecord> EmploymentRecords => Set<EmploymentRecord>();

    public DbSet<LocalCriterionRecord> LocalCriterionRecords => Set<LocalCriterionRecord>();

    public DbSet<FamilyAssessment> FamilyAssessments => Set<FamilyAssessment>();

    public DbSet<FamilyAssessmentNeed> FamilyAssessmentNeeds => Set<FamilyAssessmentNeed>();

    public DbSet<FamilyPlanAction> FamilyPlanActions => Set<FamilyPlanAction>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<RefreshTokenFamily> RefreshTokenFamilies => Set<RefreshTokenFamily>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<ClaimLine> ClaimLines => Set<ClaimLine>();

    public DbSet<ClaimLineDecision> ClaimLineDecisions => Set<ClaimLineDecision>();

    public DbSet<ClaimedOutcome> ClaimedOutcomes => Set<ClaimedOutcome>();

    public DbSet<ClaimedFamily> ClaimedFamilies => Set<ClaimedFamily>();

    public DbSet<ClaimAllocation> ClaimAllocations => Set<ClaimAllocation>();

    private AuditGroupCommit? _auditGroup;
    private bool _auditGroupLooked;

    public void DiscardChanges() => ChangeTracker.Clear();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SaveWithChainAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is not (DbUpdateConcurrencyException or DuplicateKeyException) && IsUniqueViolation(exception.InnerException))
        {
            throw new DuplicateKeyException(exception);
        }
    }

    /// <summary>Whether the database refused a row because a unique index already holds its key (each provider says so its own way).</summary>
    protected abstract bool IsUniqueViolation(Exception? exception);

    private async Task<int> SaveWithChainAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        foreach (var entry in ChangeTracker.Entries<AggregateRoot>())
        {
            var changed = entry.State == EntityState.Modified || HasChangedOwnedEntries(entry);
            if (changed && !entry.Property(a => a.Version).IsModified)
            {
                entry.Entity.IncrementVersion();
            }
        }

        var newAuditEntries = ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .ToList();
        var sharingRightScope = SharingRightMaintenance.Collect(ChangeTracker);
        if (newAuditEntries.Count == 0 && sharingRightScope.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // A read's own entries, outside any transaction: committed with other reads' entries (ADR 0027).
        if (sharingRightScope.IsEmpty && Database.CurrentTransaction is null
            && AuditGroup() is { } group && ChangeTracker.Entries().All(e => e.State == EntityState.Unchanged || e.Entity is AuditEntry))
        {
            foreach (var auditEntry in newAuditEntries)
            {
                Entry(auditEntry).State = EntityState.Detached;
            }

            await group.AppendAsync(newAuditEntries, CommitAuditGroupAsync);
            return newAuditEntries.Count;
        }

        // Chaining reads the latest hash, and rights are derived from what is committed, so both hold the
        // writers' lock until the transaction commits.
        return await UnderWritersLockAsync(
            () => SaveChainedAsync(newAuditEntries, sharingRightScope, acceptAllChangesOnSuccess, cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// Saves the other changes, derives their sharing rights, then chains the audit entries in the order given and
    /// inserts them in one save. Runs under the writers' lock.
    /// </summary>
    private async Task<int> SaveChainedAsync(
        IReadOnlyList<AuditEntry> newAuditEntries, SharingRightScope sharingRightScope, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        // The chain must follow the order the rows are numbered in. The other changes are saved first, then
        // the audit entries are chained in the order they were recorded and inserted in one save, while the
        // lock is held; EF Core inserts rows of one table that depend on nothing in the order they were added
        // (AuditChainPrecisionTests), and the numbers given are checked below all the same.
        foreach (var auditEntry in newAuditEntries)
        {
            if (Entry(auditEntry).State != EntityState.Detached)
            {
                Entry(auditEntry).State = EntityState.Detached;
            }
        }

        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (!sharingRightScope.IsEmpty)
        {
            await SharingRightMaintenance.ApplyAsync(this, sharingRightScope, Now(), cancellationToken);
        }

        var previous = await AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => a.Hash)
            .FirstOrDefaultAsync(cancellationToken) ?? AuditChain.Genesis;
        foreach (var auditEntry in newAuditEntries)
        {
            var hash = AuditChain.HashOf(auditEntry, previous);
            auditEntry.Chain(previous, hash);
            previous = hash;
            AuditEntries.Add(auditEntry);
        }

        saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        EnsureNumberedInChainOrder(newAuditEntries);
        return saved;
    }

    /// <summary>The group commit of reads' entries, when the application registered one (not in design-time or bare contexts).</summary>
    private AuditGroupCommit? AuditGroup()
    {
        if (!_auditGroupLooked)
        {
            _auditGroupLooked = true;
            try
            {
                _auditGroup = this.GetService<AuditGroupCommit>();
            }
            catch (InvalidOperationException)
            {
                _auditGroup = null;
            }
        }

        return _auditGroup;
    }

    /// <summary>Chains and inserts a group's entries in one transaction of this context, while this save leads the group.</summary>
    private async Task CommitAuditGroupAsync(IReadOnlyList<AuditEntry> entries)
    {
        // Chained in the order the saves queued, each save's entries in the order they were recorded.
        try
        {
            await UnderWritersLockAsync(
                () => SaveChainedAsync(entries, SharingRightMaintenance.Collect(ChangeTracker), acceptAllChangesOnSuccess: true, CancellationToken.None),
                CancellationToken.None);
        }
        finally
        {
            foreach (var auditEntry in entries)
            {
                Entry(auditEntry).State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// Fails the save (and so its transaction) if the rows of one save were numbered in another order than they were
    /// chained: the chain would not verify. Never seen; it would take EF Core reordering the inserts of one table.
    /// </summary>
    private static void EnsureNumberedInChainOrder(IReadOnlyList<AuditEntry> chained)
    {
        for (var i = 1; i < chained.Count; i++)
        {
            if (chained[i].Sequence <= chained[i - 1].Sequence)
            {
                throw new InvalidOperationException("Audit entries were numbered out of the order they were chained in; nothing was saved.");
            }
        }
    }

    /// <summary>
    /// Rebuilds every sharing right and case reader from the saved facts, under the writers' lock: after the
    /// migrations that add them, and after data was written around EF (a bulk load).
    /// </summary>
    public Task RebuildSharingRightsAsync(CancellationToken cancellationToken) =>
        UnderWritersLockAsync(
            async () =>
            {
                await SharingRightMaintenance.RebuildAllAsync(this, cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// Checks the sharing rights and case readers of the next people against what their facts derive, and makes
    /// again those that differ (<c>CheckDerivedAccessCommand</c>): a row left behind would be a leak.
    /// </summary>
    public Task<DerivedAccessCheck> CheckAndRepairSharingRightsAsync(int skip, int count, CancellationToken cancellationToken) =>
        UnderWritersLockAsync(() => SharingRightMaintenance.CheckAndRepairAsync(this, skip, count, cancellationToken), cancellationToken);

    /// <summary>
    /// One batch of the oldest unfinished background derivation of sharing rights (ADR 0026), in a transaction of its
    /// own (or the caller's) under the writers' lock, which it holds for this batch only. Null when none is unfinished.
    /// </summary>
    internal Task<SharingRightDerivationBatch?> DeriveNextSharingRightsBatchAsync(int count, DateTimeOffset now, CancellationToken cancellationToken) =>
        UnderWritersLockAsync(() => SharingRightMaintenance.DeriveNextBatchAsync(this, count, now, cancellationToken), cancellationToken);

    /// <summary>The clock the application runs on (a test's fake one), for the times a save records itself.</summary>
    private DateTimeOffset Now()
    {
        try
        {
            return this.GetService<TimeProvider>().GetUtcNow();
        }
        catch (InvalidOperationException)
        {
            return DateTimeOffset.UtcNow;
        }
    }

    /// <summary>Saving synchronously would skip the derived rights; only data-protection keys are saved so.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!SharingRightMaintenance.Collect(ChangeTracker).IsEmpty || ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added))
        {
            throw new InvalidOperationException("Case data is saved with SaveChangesAsync, which keeps the audit chain and sharing rights.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Runs the work under the writers' lock, in the current transaction if there is one (a command's), else in one
    /// of its own that commits when the work is done.
    /// </summary>
    private async Task<T> UnderWritersLockAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await LockWritersAsync(cancellationToken);
            var result = await work();
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return result;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Serialises writers of the audit chain and of sharing rights. SQLite needs nothing more: its write
    /// transactions are already exclusive (BEGIN IMMEDIATE). PostgreSQL overrides this with a transaction-level
    /// advisory lock.
    /// </summary>
    protected virtual Task LockWritersAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CaseDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<AgencyCode>().HaveConversion<AgencyCodeConverter>().HaveMaxLength(20);
        configurationBuilder.Properties<PersonId>().HaveConversion<PersonIdConverter>();
        configurationBuilder.Properties<CaseId>().HaveConversion<CaseIdConverter>();
        configurationBuilder.Properties<SharingAgreementId>().HaveConversion<SharingAgreementIdConverter>();
        configurationBuilder.Properties<ConsentId>().HaveConversion<ConsentIdConverter>();
        configurationBuilder.Properties<BreakGlassGrantId>().HaveConversion<BreakGlassGrantIdConverter>();
        configurationBuilder.Properties<InterventionId>().HaveConversion<InterventionIdConverter>();
        configurationBuilder.Properties<OffenceId>().HaveConversion<OffenceIdConverter>();
        configurationBuilder.Properties<ReviewId>().HaveConversion<ReviewIdConverter>();
        configurationBuilder.Properties<HouseholdId>().HaveConversion<HouseholdIdConverter>();
        configurationBuilder.Properties<ClaimId>().HaveConversion<ClaimIdConverter>();
        configurationBuilder.Properties<ClaimLineId>().HaveConversion<ClaimLineIdConverter>();
        configurationBuilder.Properties<ClaimKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ClaimStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ClaimLineStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ClaimOutcome>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<ClaimSlot>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ReviewKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ReviewStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<NotificationKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<CaseStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<LawfulBasis>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<ConsentStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ConsentGivenBy>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<RiskCategory>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<BreakGlassReviewOutcome>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Scheme>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<DataCategory>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<AuditOutcome>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<AccessRule>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<SharingRightDerivationStatus>().HaveConversion<string>().HaveMaxLength(20);
    }

    private static bool HasChangedOwnedEntries(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<AggregateRoot> entry) =>
        entry.State == EntityState.Unchanged
        && entry.References.Any(r => r.TargetEntry is { State: EntityState.Added or EntityState.Modified or EntityState.Deleted }
            && r.TargetEntry.Metadata.IsOwned());
}
