package io.infrakit.cli.image;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.Images;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.Printer;
import io.infrakit.image.ImageStore;
import io.infrakit.spi.Identifiers;
import io.infrakit.spi.InvalidSpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

@Command(name = "rm", description = {
        "Remove images, and each shared kernel no image links any more; says what that freed.",
        "An image is named by its hash (or a prefix of it, 4 characters or more, that fits one image), or by its spec: the path image ls "
                + "shows, its file name, or that name without its extension, when exactly one image was built from "
                + "it. An image that a committed group or a running VM uses is kept unless --force. Exit 3 for a name "
                + "that fits no image, or several, or an image in use; then nothing is removed."})
final class ImageRmCommand extends BaseCommand {

    /** A shorter prefix would fit an image by accident. */
    static final int MIN_PREFIX = 4;

    @Parameters(arity = "1..*", paramLabel = "HASH|NAME", description = "The images to remove")
    List<String> names = new ArrayList<>();

    @Option(names = "--force", description = "Remove an image even while a committed group or a running VM uses it")
    boolean force;

    @Mixin
    OutputOptions output = new OutputOptions();

    ImageRmCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        List<ImageLsCommand.Row> images = ImageLsCommand.rows(home(), cli.environment());
        List<ImageLsCommand.Row> chosen = new ArrayList<>();
        for (String name : names) {
            ImageLsCommand.Row image = select(name, images);
            if (!chosen.contains(image)) {
                chosen.add(image);
            }
        }
        if (!force) {
            chosen.stream().filter(image -> !image.usedBy().isEmpty()).findFirst().ifPresent(image -> {
                throw new InvalidSpecException("image " + image.hash() + " (" + image.spec() + ") is used by "
                        + String.join(", ", image.usedBy()) + "; nothing removed (--force removes it anyway)");
            });
        }
        ImageStore store = new ImageStore(Images.directory(home()));
        Images.Removal removal = new Images.Removal(chosen.stream()
                .map(image -> new Images.Removed(image.hash(), image.spec(), store.remove(image.hash()))).toList());
        Printer.print(cli, output.format, removal, () -> removal.text(false));
        return ExitCode.OK;
    }

    /** The one image a name fits: its hash, a prefix of its hash, or its spec's path, file name or base name. */
    static ImageLsCommand.Row select(String name, List<ImageLsCommand.Row> images) {
        List<ImageLsCommand.Row> exact = images.stream().filter(image -> image.hash().equals(name)).toList();
        List<ImageLsCommand.Row> fitting = !exact.isEmpty() ? exact : images.stream()
                .filter(image -> hashPrefix(image.hash(), name) || specNamed(image.spec(), name)).toList();
        if (fitting.size() == 1) {
            return fitting.get(0);
        }
        String shownName = Identifiers.quote(name);
        if (fitting.isEmpty()) {
            throw new InvalidSpecException("no image " + shownName + "; " + (images.isEmpty() ? "there are none"
                    : "images: " + images.stream().map(ImageRmCommand::describe).collect(Collectors.joining(", "))));
        }
        throw new InvalidSpecException(shownName + " fits " + fitting.size() + " images: " + fitting.stream()
                .map(ImageRmCommand::describe).collect(Collectors.joining(", ")) + "; name one by its hash");
    }

    private static boolean hashPrefix(String hash, String name) {
        return name.length() >= MIN_PREFIX && hash.startsWith(name);
    }

    private static boolean specNamed(String spec, String name) {
        if (name.isEmpty()) {
            return false;
        }
        String file = Path.of(spec).getFileName() == null ? spec : Path.of(spec).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return spec.equals(name) || file.equals(name) || (dot > 0 && file.substring(0, dot).equals(name));
    }

    private static String describe(ImageLsCommand.Row image) {
        return image.hash() + " (" + image.spec() + ")";
    }
}
