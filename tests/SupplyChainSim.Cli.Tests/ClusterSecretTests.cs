using SupplyChainSim.Runs;

namespace SupplyChainSim.Cli.Tests;

/// <summary>
/// The Redis password without a Redis: recorded as password=*** in the command line manifest.json keeps, never in a
/// hint or on the terminal, never shown in an example of --help; its file checked as the command line is read.
/// </summary>
public class ClusterSecretTests
{
    [Theory]
    [InlineData("127.0.0.1:6380,password=s3cret,ssl=true", "127.0.0.1:6380,password=***,ssl=true")]
    [InlineData("127.0.0.1:6380, Password = s3cret", "127.0.0.1:6380,Password=***")]
    [InlineData("127.0.0.1:6380", "127.0.0.1:6380")]
    public void A_password_in_cluster_is_recorded_as_stars_and_nothing_else_changes(string given, string recorded)
    {
        string[] args = ["run", "scenarios/piecemeal-2025.json", "--cluster", given, "--seed", "password=s3cret"];
        Assert.Equal(["run", "scenarios/piecemeal-2025.json", "--cluster", recorded, "--seed", "password=s3cret"], ClusterConnection.Redacted(args));
        Assert.Equal([$"--cluster={recorded}"], ClusterConnection.Redacted([$"--cluster={given}"]));
    }

    [Fact]
    public void A_hint_to_reconnect_keeps_the_connection_options_and_leaves_the_password_out_saying_where_it_goes()
    {
        var inline = new ClusterConnection("10.0.0.2:6380,password=s3cret,ssl=true", ServiceId: "team-a");
        Assert.Equal("--cluster 10.0.0.2:6380,ssl=true --service-id team-a", inline.Options);
        Assert.Equal($" (with the Redis password in {ClusterConnection.PasswordVariable} or in a file given as --cluster-password-file)", inline.PasswordHint);
        Assert.Equal("cluster supplychainsim (service team-a) on Redis 10.0.0.2:6380", inline.ToString());

        var fromFile = new ClusterConnection("10.0.0.2:6380") { Password = "s3cret", PasswordFile = "/etc/scs/redis password" };
        Assert.Equal("--cluster 10.0.0.2:6380 --cluster-password-file '/etc/scs/redis password'", fromFile.Options);
        Assert.Equal("", fromFile.PasswordHint);
        Assert.Equal("s3cret", fromFile.RedisOptions().Password);
        Assert.Equal("", new ClusterConnection("10.0.0.2:6380").PasswordHint);
    }

    [Fact]
    public void A_password_the_process_was_given_is_shown_as_stars_in_every_line_it_prints()
    {
        _ = new ClusterConnection("127.0.0.1:6380") { Password = "Zq81-given-once" };
        Assert.Equal("supplychainsim: Redis said *** is wrong", TerminalText.Safe("supplychainsim: Redis said Zq81-given-once is wrong"));
    }

    [Theory]
    [InlineData("run scenarios/piecemeal-2025.json --cluster-password-file /no/such/file", "--cluster-password-file only applies with --cluster")]
    [InlineData("run scenarios/piecemeal-2025.json --cluster 127.0.0.1:1 --cluster-password-file /no/such/file", "--cluster-password-file /no/such/file: file not found")]
    [InlineData("silo --cluster 127.0.0.1:1 --cluster-password-file /", "--cluster-password-file /: is a folder")]
    [InlineData("run scenarios/piecemeal-2025.json --cluster password=s3cret", "--cluster: expected a Redis address such as 127.0.0.1:6380, found 'password=***'")]
    [InlineData("run scenarios/piecemeal-2025.json --cluster 127.0.0.1:1 127.0.0.1:1,password=s3cret", "Unrecognized command or argument '127.0.0.1:1,password=***")]
    public async Task A_password_option_that_cannot_be_used_is_refused_by_name_with_exit_2(string line, string message)
    {
        var result = await Cli.RunAsync(line.Split(' '));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.DoesNotContain("s3cret", result.Error);
    }

    [Fact]
    public async Task An_empty_password_file_is_refused_as_the_command_line_is_read()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("empty"), "");
        var empty = await Cli.RunAsync("silo", "--cluster", "127.0.0.1:1", "--cluster-password-file", temp.File("empty"));
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains($"--cluster-password-file {temp.File("empty")}: is empty; expected the password on its first line", empty.Error);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("silo")]
    [InlineData("compare")]
    [InlineData("sweep")]
    [InlineData("explore")]
    public async Task No_help_shows_a_password_on_the_command_line(string verb)
    {
        var help = await Cli.RunAsync(verb, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.DoesNotContain("password=", help.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("--cluster-password-file", help.Out);
    }
}
