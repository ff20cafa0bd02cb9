package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.purenet.network.Padding;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

/**
 * The text of {@code --model}: every kind of item with its optional parts read as the grammar says,
 * printed back in its shortest form; a bad item refused naming its position, its text and what is
 * wrong, in exactly these words.
 */
class ModelSpecTest {

    @Test
    void everyKindIsReadWithItsDefaults() {
        ModelSpec spec = ModelSpec.parse("conv:32:3, conv:64:5:2,conv:8:3:same,conv:4:1:3:valid,maxpool:2,"
                + "avgpool:3:1,dropout:0.25,gap,dense:128,dropout:0.5");
        assertEquals(Vector.of(new ModelSpec.Conv(32, 3, 1, Padding.VALID), new ModelSpec.Conv(64, 5, 2, Padding.VALID),
                new ModelSpec.Conv(8, 3, 1, Padding.SAME), new ModelSpec.Conv(4, 1, 3, Padding.VALID),
                new ModelSpec.Pool(true, 2, 2), new ModelSpec.Pool(false, 3, 1), new ModelSpec.Drop(0.25),
                new ModelSpec.Gap(), new ModelSpec.Units(128), new ModelSpec.Drop(0.5)), spec.items());
        assertEquals("conv:32:3,conv:64:5:2,conv:8:3:same,conv:4:1:3,maxpool:2,avgpool:3:1,dropout:0.25,gap,"
                + "dense:128,dropout:0.5", spec.toString());
        assertEquals(spec, ModelSpec.parse(spec.toString()));
        assertEquals(Vector.of(new ModelSpec.Conv(6, 5, 2, Padding.SAME), new ModelSpec.Pool(true, 3, 2),
                new ModelSpec.Flat(), new ModelSpec.Units(10)),
                ModelSpec.parse("conv:6:5:2:same,maxpool:3:2,flatten,dense:10").items());
        assertEquals("conv:6:5:2:same,maxpool:3:2,flatten,dense:10",
                ModelSpec.parse("conv:6:5:2:same,maxpool:3:2,flatten,dense:10").toString());
        assertEquals("maxpool:2", ModelSpec.parse("maxpool:2:2").toString(), "a stride equal to the size is the default");
        assertEquals(true, spec.dropout());
        assertEquals(false, ModelSpec.parse("conv:8:3,dense:16").dropout());
    }

    @Test
    void aBadItemIsNamedWithItsPositionAndWhatIsWrong() {
        refused("conv:32:3,pool:2", "--model: item 2 'pool:2': unknown kind 'pool'; expected one of conv, maxpool, "
                + "avgpool, gap, flatten, dropout, dense");
        refused("conv:32", "--model: item 1 'conv:32': expected conv:FILTERS:KERNEL[:STRIDE][:same|valid]");
        refused("conv:32:3:1:same:2",
                "--model: item 1 'conv:32:3:1:same:2': expected conv:FILTERS:KERNEL[:STRIDE][:same|valid]");
        refused("conv:x:3", "--model: item 1 'conv:x:3': FILTERS must be a whole number from 1 to 999999999, got 'x'");
        refused("conv:8:0", "--model: item 1 'conv:8:0': KERNEL must be a whole number from 1 to 999999999, got '0'");
        refused("conv:8:3:-1", "--model: item 1 'conv:8:3:-1': STRIDE must be a whole number from 1 to 999999999, "
                + "got '-1'");
        refused("conv:8:3:2:full", "--model: item 1 'conv:8:3:2:full': expected conv:FILTERS:KERNEL[:STRIDE]"
                + "[:same|valid], such as conv:32:3 or conv:32:3:2:same; the padding 'full' is neither same nor valid");
        refused("maxpool", "--model: item 1 'maxpool': expected maxpool:SIZE[:STRIDE]");
        refused("avgpool:2.5", "--model: item 1 'avgpool:2.5': SIZE must be a whole number from 1 to 999999999, "
                + "got '2.5'");
        refused("gap:2", "--model: item 1 'gap:2': expected gap");
        refused("dense:128,dropout:1", "--model: item 2 'dropout:1': RATE must be a number above 0 and below 1, got '1'");
        refused("dropout:0", "--model: item 1 'dropout:0': RATE must be a number above 0 and below 1, got '0'");
        refused("dropout:NaN", "--model: item 1 'dropout:NaN': RATE must be a number above 0 and below 1, got 'NaN'");
        refused("dense:99999999999", "--model: item 1 'dense:99999999999': UNITS must be a whole number from 1 to "
                + "999999999, got '99999999999'");
        refused("conv:8:3,,dense:10", "--model: item 2 is empty; expected items separated by single commas, such as "
                + "conv:32:3,maxpool:2,dense:128");
        refused(" ", "--model: expected items such as conv:32:3,maxpool:2,dense:128, got ' '");
    }

    @Test
    void imageLayersComeBeforeTheFirstFlatOutput() {
        refused("conv:8:3,dense:64,dropout:0.5,conv:8:3", "--model: item 4 'conv:8:3': an image layer after item 2 "
                + "'dense:64', whose output is flat; conv, maxpool, avgpool, gap and flatten come before the first "
                + "dense, flatten or gap");
        refused("conv:8:3,flatten,maxpool:2", "--model: item 3 'maxpool:2': an image layer after item 2 'flatten', "
                + "whose output is flat; conv, maxpool, avgpool, gap and flatten come before the first dense, flatten "
                + "or gap");
        refused("conv:8:3,gap,flatten", "--model: item 3 'flatten': an image layer after item 2 'gap', whose output "
                + "is flat; conv, maxpool, avgpool, gap and flatten come before the first dense, flatten or gap");
        ModelSpec.parse("dropout:0.1,conv:8:3,dropout:0.1,gap,dropout:0.1,dense:8"); // dropout goes anywhere
    }

    private static void refused(String text, String message) {
        CliException e = assertThrows(CliException.class, () -> ModelSpec.parse(text), text);
        assertEquals(message, e.getMessage(), text);
        assertEquals(CliException.USAGE, e.exitCode(), text);
    }
}
