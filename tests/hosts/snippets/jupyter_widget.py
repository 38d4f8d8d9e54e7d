import pathlib

import anywidget
import traitlets


class LossPlayground(anywidget.AnyWidget):
    _esm = pathlib.Path("lossplay") / "lossplay-anywidget.mjs"  # dist/, copied as lossplay/
    panel = traitlets.Unicode("binary").tag(sync=True)
    z = traitlets.Float(-2.0).tag(sync=True)
    y = traitlets.Float(1.0).tag(sync=True)  # a label, or a soft label between 0 and 1
    # The panel alone, as the Embed dialog proposes: "" shows every part.
    hide = traitlets.Unicode("explanations,extras,questions").tag(sync=True)


# %%
w = LossPlayground(z=-4.0)
w

# %% after the reader has dragged the logit
w.z  # the value on screen, a float

# %%
w.z = 3.0  # the widget moves there
