using CaseManager.Domain.Users;
using CaseManager.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManager.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        builder.Property(u => u.AgencyCode).HasMaxLength(20).IsRequired();
        builder.HasIndex(u => u.AgencyCode);
    }
}

/// <summary>The roles are fixed by the product (API.md), so they are part of the schema, not of demo data.</summary>
public sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public static readonly IReadOnlyDictionary<Role, Guid> RoleIds = new Dictionary<Role, Guid>
    {
        [Role.Caseworker] = Guid.Parse("0199a000-0000-7000-8000-000000000001"),
        [Role.Manager] = Guid.Parse("0199a000-0000-7000-8000-000000000002"),
        [Role.ClaimsOfficer] = Guid.Parse("0199a000-0000-7000-8000-000000000003"),
        [Role.InformationGovernance] = Guid.Parse("0199a000-0000-7000-8000-000000000004"),
        [Role.Administrator] = Guid.Parse("0199a000-0000-7000-8000-000000000005"),
    };

    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) =>
        builder.HasData(RoleIds.Select(pair => new IdentityRole<Guid>
        {
            Id = pair.Value,
            Name = pair.Key.ToString(),
            NormalizedName = pair.Key.ToString().ToUpperInvariant(),
            ConcurrencyStamp = pair.Value.ToString(),
        }));
}

internal sealed class RefreshTokenFamilyConfiguration : IEntityTypeConfiguration<RefreshTokenFamily>
{
    public void Configure(EntityTypeBuilder<RefreshTokenFamily> builder)
    {
        builder.ToTable("RefreshTokenFamilies");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.UserId);
    }
}
